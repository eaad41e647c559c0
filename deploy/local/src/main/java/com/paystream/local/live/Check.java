package com.paystream.local.live;

import java.io.PrintStream;

/**
 * One check on the running stack. The live check runs the panel and alert checks, then every check
 * of {@link LiveCheck#FURTHER} on the same stack: add one there.
 */
public interface Check {

  String name();

  /**
   * @param out where to say what it is doing (the report is printed at the end)
   */
  CheckResult run(LiveStack stack, PrintStream out) throws InterruptedException;
}
