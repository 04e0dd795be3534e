"""The sales managers' digest: which accounts heated up, per team channel and per owner."""
