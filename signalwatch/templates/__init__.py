"""Starter files written by `signalwatch init`."""
