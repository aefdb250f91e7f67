package org.jujia.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link org.jujia.support.IntegrationTest} (the whole platform on a random port, demo + test profiles), but
 * the database comes from {@link BenchDatabaseInitializer}: a fresh one by default, or a persistent one named by
 * {@code JUJIA_BENCH_DB_URL} so that the 100,000 bench elders are loaded only once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@ContextConfiguration(initializers = BenchDatabaseInitializer.class)
public @interface BenchTest {
}
