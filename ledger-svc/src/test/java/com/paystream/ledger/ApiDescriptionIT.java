package com.paystream.ledger;

import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.testkit.apidocs.ApiDescriptionFile;
import org.junit.jupiter.api.Test;

/**
 * The description the ledger serves without credentials is the committed {@code
 * docs/api/ledger-svc.json}; {@code -Dpaystream.api.write=true} rewrites that file.
 */
class ApiDescriptionIT extends LedgerServiceTest {

  @Test
  void servesTheCommittedDescription() {
    ApiDescriptionFile.check("http://localhost:" + port, "ledger-svc");
  }
}
