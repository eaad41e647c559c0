package com.paystream.security.apidocs;

import com.paystream.security.AccessRules;
import com.paystream.security.Problems;
import com.paystream.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes a service's served description from what the security layer knows, the same way in
 * every service: the bearer schemes (API key, OIDC access token) and, where the service has them,
 * signature schemes; per operation who may call it ({@code x-roles}) and the RFC 9457 problem
 * answers it can give. Answers a handler already describes are left as they are.
 */
public final class ApiDocsCustomizer implements OpenApiCustomizer {

  /** The API version in the description: the path prefix, not the build's version. */
  static final String API_VERSION = "v1";

  static final String API_KEY = "apiKey";
  static final String OIDC = "oidc";
  static final String PROBLEM = "Problem";

  private static final Map<Integer, String> MEANING =
      Map.of(
          400, "Malformed or invalid input (a parameter, header or body field)",
          401, "No valid credentials",
          403, "The caller's role may not do this",
          404, "Not found, or not visible to the caller",
          409, "The resource's state forbids it, or it asks for what already is",
          413, "Body too large",
          415, "Unsupported content type",
          422, "Well-formed, but refused by the use case",
          503, "A dependency (database, provider) is unavailable; retry later");

  private final AccessRules rules;
  private final ApiDescription description;

  public ApiDocsCustomizer(AccessRules rules, ApiDescription description) {
    this.rules = rules;
    this.description = description;
  }

  @Override
  public void customise(OpenAPI api) {
    api.setInfo(
        new Info()
            .title(description.title())
            .description(description.summary())
            .version(API_VERSION));
    // The address depends on where the service runs (and in tests on a random port).
    api.setServers(null);
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    api.setComponents(components);
    components.addSchemas(PROBLEM, problemSchema());
    components.addSecuritySchemes(API_KEY, apiKeyScheme());
    components.addSecuritySchemes(OIDC, oidcScheme());
    if (api.getTags() != null) {
      List<Tag> tags = new ArrayList<>(api.getTags());
      tags.sort(Comparator.comparing(Tag::getName));
      api.setTags(tags);
    }
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            describe(components, method.name(), path, operation)));
  }

  private void describe(Components components, String method, String path, Operation operation) {
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    List<String> signatures = description.signatureHeadersOf(method, path);
    Optional<AccessRules.Rule> rule = rules.ruleFor(method, AccessRules.sample(path));
    if (!signatures.isEmpty()) {
      List<SecurityRequirement> alternatives = new ArrayList<>();
      for (String header : signatures) {
        components.addSecuritySchemes(header, signatureScheme(header));
        alternatives.add(new SecurityRequirement().addList(header));
      }
      operation.setSecurity(alternatives);
      problem(responses, 401);
    } else if (rule.isPresent() && !rule.get().open()) {
      operation.setSecurity(
          List.of(
              new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(OIDC)));
      operation.addExtension(
          "x-roles", rule.get().roles().stream().map(Role::name).sorted().toList());
      problem(responses, 401);
      problem(responses, 403);
    }
    boolean takesInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    if (takesInput) {
      problem(responses, 400);
    }
    description.problemsOf(method, path).forEach(status -> problem(responses, status));
  }

  private static void problem(ApiResponses responses, int status) {
    String code = Integer.toString(status);
    if (responses.containsKey(code)) {
      return;
    }
    responses.addApiResponse(
        code,
        new ApiResponse()
            .description(MEANING.getOrDefault(status, "Refused"))
            .content(
                new Content()
                    .addMediaType(
                        Problems.CONTENT_TYPE,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description(
            "RFC 9457 problem details, with the suite's machine-readable reason (and the offending"
                + " field when there is one)")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty(
            "reason",
            new StringSchema()
                .description("stable code, e.g. unauthenticated, forbidden, not_found")
                .example("not_found"))
        .addProperty("field", new StringSchema().description("the offending input, when one is"))
        .required(List.of("title", "status", "reason"));
  }

  private static SecurityScheme apiKeyScheme() {
    return new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .bearerFormat("psk_<key id>_<secret>")
        .description(
            "An API key as a bearer token (Authorization: Bearer psk_...); only its SHA-256 is"
                + " configured in the service. The same keys work in every service.");
  }

  private static SecurityScheme oidcScheme() {
    return new SecurityScheme()
        .type(SecurityScheme.Type.HTTP)
        .scheme("bearer")
        .bearerFormat("JWT")
        .description(
            "An OIDC access token from the deployment's identity provider, when the resource"
                + " server is configured; its roles claim names the suite's role.");
  }

  private static SecurityScheme signatureScheme(String header) {
    return new SecurityScheme()
        .type(SecurityScheme.Type.APIKEY)
        .in(SecurityScheme.In.HEADER)
        .name(header)
        .description(
            "An HMAC-SHA256 signature over the raw body and its timestamp, with one of the"
                + " provider's active secrets; no bearer is needed.");
  }
}
