"""ICP suggestions from won and lost deals (`signalwatch icp suggest`).

    deals.py       closed deals from HubSpot (deals) and Salesforce (Opportunities): read only
    deals_csv.py   closed deals from a CRM export (CSV)
    match.py       a deal's company -> the watched account (CRM id, domain, name)
    history.py     the stored events of those accounts (read only)
    features.py    what each deal's account was: firmographics, technologies, signals before the close
    collect.py     deals -> their facts (account match, two reads of the events table)
    suggest.py     win rates with and without each attribute, with honest small-sample bounds
    proposal.py    a proposed icp.yaml (first tier rebuilt from the evidence) and its diff
    render.py      the report the command prints
"""
