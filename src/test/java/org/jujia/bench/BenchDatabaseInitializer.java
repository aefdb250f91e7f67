package org.jujia.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jujia.support.TestDatabaseInitializer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The bench database. Without {@code JUJIA_BENCH_DB_URL} (environment) or {@code -Dbench.db.url} this is the
 * integration-test database (a fresh embedded PostgreSQL, or a fresh database on {@code JUJIA_TEST_DB_URL}).
 * With it, that existing database is used as it is and kept: the demo city and bench elders loaded by an
 * earlier run are found and not loaded again. Its keystore must then survive too, so it is kept outside
 * {@code target/} ({@code ~/.jujia-bench/jujia-bench-keys.p12} unless {@code -Dbench.keystore=...}).
 */
public class BenchDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = System.getProperty("bench.db.url", System.getenv("JUJIA_BENCH_DB_URL"));
        if (url == null || url.isBlank()) {
            new TestDatabaseInitializer().initialize(context);
            return;
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        if (!url.contains("user=")) {
            props.put("spring.datasource.username", "postgres");
        }
        String keystore = System.getProperty("bench.keystore",
                Path.of(System.getProperty("user.home"), ".jujia-bench", "jujia-bench-keys.p12").toString());
        props.put("jujia.privacy.keystore-path", keystore);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("jujia-bench-db", props));
    }
}
