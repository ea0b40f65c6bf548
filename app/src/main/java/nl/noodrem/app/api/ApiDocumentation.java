package nl.noodrem.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3 document ({@code /api/v1/openapi.json}) as the Dutch API Design Rules ask: title,
 * description, contact, the semver version, the server with the major version in its URI (and so paths relative
 * to it), {@code API-Version} on every response, and every error documented as problem+json, including 400 for
 * invalid input on every operation. The build lints the document against these rules (app/README.md, "Partner
 * API"); what is documented here is what {@link ApiProblems} and {@link ApiVersion} do.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String PROBLEM_SCHEMA = "Probleem";
  static final String VERSION_HEADER_REF = "#/components/headers/" + ApiVersion.HEADER;
  static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  private static final String API_KEY_SCHEME = "apiSleutel";

  /** Every operation can answer these, whatever it does (status → description). */
  private static final Map<String, String> EVERY_OPERATION = Map.of(
      "400", "Ongeldig verzoek: een parameter, de inhoud of de header API-Version klopt niet.",
      "401", "Geen of een onbekende API-sleutel (header X-Api-Key).",
      "403", "Deze API-sleutel geeft geen toegang tot deze resource.",
      "406", "Alleen application/json en application/problem+json worden geleverd.",
      "500", "Interne fout; probeer het later opnieuw.");

  @Bean
  OpenAPI noodremOpenApi(ApiProperties properties) {
    return new OpenAPI()
        .info(new Info()
            .title("Noodrem API")
            .description("Voor de systemen van partners en voor beheer bij CJIB. Gemeenten en schuldhulpverleners"
                + " zien hoe een noodrem ervoor staat waarbij zij betrokken zijn (alleen de pseudonieme referentie,"
                + " data en status, nooit wie de burger is); CJIB-beheer handelt dode brieven van de koppelingen"
                + " af. Fouten zijn application/problem+json (RFC 9457). Elk antwoord noemt de versie in de header"
                + " API-Version; een verzoek mag met dezelfde header de major-versie noemen waarvoor het geschreven"
                + " is.")
            .version(ApiVersion.FULL)
            .contact(new Contact()
                .name(properties.contact().name())
                .url(properties.contact().url().toString())
                .email(properties.contact().email()))
            .license(new License().name("EUPL-1.2").url("https://eupl.eu/1.2/nl/")))
        .servers(List.of(new Server().url(properties.baseUrl().toString())
            .description("Versie " + ApiVersion.MAJOR)))
        .components(new Components()
            .addHeaders(ApiVersion.HEADER, new Header()
                .description("De volledige versie van de API (semver).")
                .schema(new StringSchema().example(ApiVersion.FULL)))
            .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME));
  }

  /** Paths relative to the server, and the headers and errors every operation has. */
  @Bean
  OpenApiCustomizer noodremOpenApiConventions() {
    return openApi -> {
      // here, not in the OpenAPI bean: springdoc replaces the bean's schemas with the ones it scans
      openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
      Paths relative = new Paths();
      new TreeMap<>(openApi.getPaths() == null ? Map.<String, PathItem>of() : openApi.getPaths())
          .forEach((path, item) -> relative.addPathItem(
              path.startsWith(ApiVersion.BASE_PATH + "/") ? path.substring(ApiVersion.BASE_PATH.length()) : path,
              item));
      openApi.setPaths(relative);
      relative.values().forEach(item -> item.readOperations().forEach(ApiDocumentation::conventions));
    };
  }

  private static void conventions(Operation operation) {
    boolean hasVersionParameter = operation.getParameters() != null && operation.getParameters().stream()
        .anyMatch(p -> ApiVersion.HEADER.equals(p.getName()));
    if (!hasVersionParameter) {
      operation.addParametersItem(versionParameter());
    }
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    EVERY_OPERATION.forEach((status, description) -> {
      if (!responses.containsKey(status)) {
        responses.addApiResponse(status, new ApiResponse().description(description));
      }
    });
    responses.forEach((status, response) -> {
      response.addHeaderObject(ApiVersion.HEADER, new Header().$ref(VERSION_HEADER_REF));
      if (status.startsWith("4") || status.startsWith("5")) {
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
      }
    });
    operation.setResponses(sorted(responses));
  }

  private static ApiResponses sorted(ApiResponses responses) {
    ApiResponses out = new ApiResponses();
    new TreeMap<>(responses).forEach(out::addApiResponse);
    return out;
  }

  private static Parameter versionParameter() {
    return new HeaderParameter()
        .name(ApiVersion.HEADER)
        .required(false)
        .description("De versie waarvoor de client geschreven is; een andere major-versie dan "
            + ApiVersion.MAJOR + " geeft 400.")
        .schema(new StringSchema().pattern("^[0-9]+(\\.[0-9]+){0,2}$").example(ApiVersion.FULL));
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    return new ObjectSchema()
        .description("Een fout, als RFC 9457 problem+json.")
        .addRequiredItem("type").addRequiredItem("title").addRequiredItem("status").addRequiredItem("detail")
        .addProperty("type", new StringSchema().format("uri").example("about:blank")
            .description("Het soort fout; about:blank als de status alles zegt."))
        .addProperty("title", new StringSchema().example("Ongeldig verzoek")
            .description("Korte, vaste omschrijving van het soort fout."))
        .addProperty("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(400))
            .maximum(java.math.BigDecimal.valueOf(599)).example(400).description("De HTTP-status."))
        .addProperty("detail", new StringSchema().example("De referentie moet de vorm NR-XXXXXXXX hebben.")
            .description("Wat er in dit geval mis is, voor mensen."))
        .addProperty("instance", new StringSchema().format("uri").description("Het pad van het verzoek."));
  }
}
