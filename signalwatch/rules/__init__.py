"""The rules: the condition language, loading rule files strictly, evaluation, scoring and rule tests."""
