package nl.noodrem.camel.collection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.noodrem.camel.api.OpenCase;
import nl.noodrem.camel.errors.BridgeErrorHandling;
import nl.noodrem.domain.CaseNumber;
import nl.noodrem.domain.Money;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Flow "open cases": route {@value #ROUTE_ID} asks the collection system's database (its read-only view
 * {@code V_NOODREM_OPEN_ZAAK}, over its own DataSource) for a citizen's open cases. The BSN travels as
 * the query's named parameter in the body, never as a header.
 */
public class OpenCasesRouteBuilder extends RouteBuilder {

  public static final String ROUTE_ID = "collection-open-cases";
  public static final String ENDPOINT = "direct:collection-open-cases";
  /** Name under which the collection system's DataSource is bound in Camel's registry. */
  public static final String DATA_SOURCE = "noodremCollectionSystemDataSource";

  private final javax.sql.DataSource collectionDataSource;

  public OpenCasesRouteBuilder(javax.sql.DataSource collectionDataSource) {
    this.collectionDataSource = collectionDataSource;
  }

  @Override
  public void configure() {
    bindToRegistry(DATA_SOURCE, collectionDataSource);

    from(ENDPOINT)
        .routeId(ROUTE_ID)
        .routeConfigurationId(BridgeErrorHandling.REQUEST_REPLY)
        .to("sql:classpath:sql/collection-open-cases.sql?dataSource=#" + DATA_SOURCE + "&outputType=SelectList")
        .process(OpenCasesRouteBuilder::toOpenCases);
  }

  @SuppressWarnings("unchecked")
  private static void toOpenCases(Exchange exchange) {
    List<Map<String, Object>> rows = exchange.getIn().getBody(List.class);
    exchange.getIn().setBody(rows.stream().map(OpenCasesRouteBuilder::toOpenCase).toList());
  }

  static OpenCase toOpenCase(Map<String, Object> row) {
    return new OpenCase(
        CaseNumber.of((String) row.get("ZAAKNUMMER")),
        OpenCase.Kind.valueOf((String) row.get("SOORT")),
        Money.ofCents(((Number) row.get("OPENSTAAND_CENTEN")).longValue()),
        OpenCase.Stage.valueOf((String) row.get("STADIUM")),
        localDate(row.get("BESLISDATUM")),
        Boolean.TRUE.equals(row.get("GEHOUDEN")));
  }

  private static LocalDate localDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
