package com.paystream.recon;

import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.testkit.apidocs.ApiDescriptionFile;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The description the service serves without credentials is the committed {@code
 * docs/api/reconciliation-svc.json}; {@code -Dpaystream.api.write=true} rewrites that file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDescriptionIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    ReconInfrastructure.register(registry, "apidocs");
  }

  @Test
  void servesTheCommittedDescription() {
    ApiDescriptionFile.check("http://localhost:" + port, "reconciliation-svc");
  }
}
