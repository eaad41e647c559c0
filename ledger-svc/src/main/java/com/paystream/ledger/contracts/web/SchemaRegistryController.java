package com.paystream.ledger.contracts.web;

import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.registry.http.ConfluentRegistryHttpHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the schemas the ledger writes with, at {@code /schema-registry}: a consumer configures
 * {@code schema.registry.url=http://<ledger>/schema-registry} and resolves every id it meets on the
 * ledger's topics. Read-only; the answers and error codes are Confluent's (see {@link
 * ConfluentRegistryHttpHandler}).
 */
@RestController
public class SchemaRegistryController {

  static final String BASE = "/schema-registry";
  private static final MediaType CONFLUENT =
      MediaType.parseMediaType(ConfluentRegistryHttpHandler.CONTENT_TYPE);

  private final ConfluentRegistryHttpHandler handler;

  public SchemaRegistryController(SchemaRegistry registry) {
    this.handler = new ConfluentRegistryHttpHandler(registry);
  }

  @RequestMapping(
      path = {BASE + "/**"},
      method = {RequestMethod.GET, RequestMethod.POST})
  public ResponseEntity<String> registry(
      HttpServletRequest request, @RequestBody(required = false) String body) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    ConfluentRegistryHttpHandler.Response response =
        handler.handle(
            request.getMethod(), path.substring(BASE.length()), body == null ? "" : body);
    return ResponseEntity.status(response.status()).contentType(CONFLUENT).body(response.body());
  }
}
