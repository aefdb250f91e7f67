package org.jujia.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application context at the test database. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = TestDatabase.url();
        Map<String, Object> props = url.contains("user=")
                ? Map.of("spring.datasource.url", url)
                : Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("jujia-test-db", props));
    }
}
