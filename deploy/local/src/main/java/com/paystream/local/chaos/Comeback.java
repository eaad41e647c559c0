package com.paystream.local.chaos;

import com.paystream.local.process.SupervisedChild;

/** Something a fault took away that must come back before the next fault. */
sealed interface Comeback {

  String name();

  /** How it came back, for the timeline. */
  String how();

  boolean isBack();

  /** A killed child: restarted by its supervisor and ready again. */
  record Restarted(SupervisedChild child, int restartsBefore) implements Comeback {

    @Override
    public String name() {
      return child.name();
    }

    @Override
    public String how() {
      return "restarted and ready again";
    }

    @Override
    public boolean isBack() {
      return child.restarts() > restartsBefore && child.isReady();
    }
  }

  /** A frozen child: ready again (it was never restarted). */
  record Ready(SupervisedChild child) implements Comeback {

    @Override
    public String name() {
      return child.name();
    }

    @Override
    public String how() {
      return "ready again";
    }

    @Override
    public boolean isBack() {
      return child.isReady();
    }
  }
}
