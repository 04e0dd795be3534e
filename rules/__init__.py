"""The default ICP and rule files (YAML), shipped as package data for `signalwatch init`."""
