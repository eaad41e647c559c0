package com.paystream.recon.matching;

/** A break stays OPEN until a later result for the same break id says RESOLVED. */
public enum BreakState {
  OPEN,
  RESOLVED
}
