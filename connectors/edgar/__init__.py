"""SEC EDGAR connectors: Form D (`edgar_formd`) and 8-K Item 5.02 (`edgar_8k`), sharing one client.

Configure them as sources; `user_agent` is required by SEC (an operator name and an email)::

    sources:
      - name: sec-form-d
        type: edgar_formd
        interval: 15m
        user_agent: "Acme Corp RevOps revops@acme.com"
        max_first_sale_age: 365d   # ignore offerings whose first sale is older
      - name: sec-8k-officers
        type: edgar_8k
        interval: 15m
        user_agent: "Acme Corp RevOps revops@acme.com"
        max_pages: 5               # feed pages of 40 read per poll at most

Both share one process-wide budget of 10 requests/s to sec.gov and one cooldown after a refusal.
"""


