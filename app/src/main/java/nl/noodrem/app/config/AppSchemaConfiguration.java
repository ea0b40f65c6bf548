package nl.noodrem.app.config;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Creates the app's own tables at start (idempotent DDL). */
@Configuration(proxyBeanMethods = false)
class AppSchemaConfiguration {

  @Bean
  DataSourceInitializer noodremAppSchema(DataSource dataSource) {
    DataSourceInitializer initializer = new DataSourceInitializer();
    initializer.setDataSource(dataSource);
    initializer.setDatabasePopulator(new ResourceDatabasePopulator(new ClassPathResource("db/noodrem-app-schema.sql")));
    return initializer;
  }
}
