package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoDataAllowedTest {

  private static final PanelQuery LOST =
      new PanelQuery("paystream-money-flow", "Lost orders", "B", "sum(recovered)");

  @Test
  void givesTheReasonOfAnAllowedQuery() {
    NoDataAllowed allowed =
        NoDataAllowed.parse(
            """
            # comment
            paystream-money-flow | Lost orders | B | none lost on a day without drops
            """);

    assertThat(allowed.reason(LOST)).contains("none lost on a day without drops");
    assertThat(allowed.reason(new PanelQuery("paystream-money-flow", "Lost orders", "A", "x")))
        .isEmpty();
  }

  @Test
  void refusesAnEntryWithoutItsReason() {
    assertThatThrownBy(() -> NoDataAllowed.parse("paystream-money-flow | Lost orders | B |  \n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void namesEntriesThatMatchNoQuery() {
    NoDataAllowed allowed = NoDataAllowed.parse("paystream-x | Gone | A | renamed since\n");

    assertThat(allowed.unknown(List.of(LOST))).containsExactly("paystream-x | Gone | A");
  }

  @Test
  void theCommittedAllowListParsesAndNamesOnlyExistingQueries() throws Exception {
    Path root = Path.of("..", "..");
    Path file = root.resolve(PanelsHaveData.NO_DATA_ALLOWED);
    NoDataAllowed allowed = NoDataAllowed.parse(Files.readString(file));

    assertThat(allowed.unknown(PanelsHaveData.queries(root.resolve(PanelsHaveData.DASHBOARDS))))
        .isEmpty();
  }
}
