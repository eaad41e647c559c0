package com.paystream.gateway.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

  private final PageCursors cursors = PageCursors.of("a cursor key of enough bytes");

  @Test
  void aSignedCursorComesBackAsItsPosition() {
    String cursor = cursors.sign("2026-01-31T12:00:00Z|pay_1");

    assertThat(cursors.verify(cursor)).contains("2026-01-31T12:00:00Z|pay_1");
  }

  @Test
  void anEditedPositionIsRefused() {
    String cursor = cursors.sign("2026-01-31T12:00:00Z|pay_1");
    String forged =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("2026-01-31T12:00:00Z|pay_2".getBytes(StandardCharsets.UTF_8))
            + cursor.substring(cursor.indexOf('.'));

    assertThat(cursors.verify(forged)).isEmpty();
  }

  @Test
  void anotherKeysCursorTruncatedOnesAndGarbageAreRefused() {
    String cursor = cursors.sign("2026-01-31T12:00:00Z|pay_1");

    assertThat(PageCursors.of("another key of enough bytes!").verify(cursor)).isEmpty();
    assertThat(cursors.verify(cursor.substring(0, cursor.length() - 2))).isEmpty();
    assertThat(cursors.verify("@@@")).isEmpty();
    assertThat(cursors.verify(cursor + "." + cursor)).isEmpty();
    assertThat(cursors.verify("Q".repeat(600))).isEmpty();
  }

  @Test
  void withoutAConfiguredKeyEachInstanceHasItsOwn() {
    String cursor = PageCursors.of("").sign("position");

    assertThat(PageCursors.of("").verify(cursor)).isEmpty();
  }
}
