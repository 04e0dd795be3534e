"""Tech-stack detection: homepage fingerprints and DNS records, and the diff between polls."""
