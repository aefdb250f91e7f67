package org.jujia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the platform for a benchmark: the demo profile on a random port with its own embedded database, keys and
 * broker store under {@code --data <dir>} (a fresh temporary folder by default), quiet logs, and an external database
 * when {@code --db-url} (with {@code --db-username}, {@code --db-password}) is given.
 */
final class BenchPlatform {

    private BenchPlatform() {
    }

    static Path dataDirectory(BenchOptions o) throws IOException {
        String dataOption = o.text("data", null);
        return dataOption == null ? Files.createTempDirectory("jujia-bench-") : Path.of(dataOption);
    }

    /** The properties every benchmark starts the platform with; a benchmark adds or overrides its own. */
    static Map<String, Object> properties(BenchOptions o, Path data) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", o.text("port", "0"));
        props.put("jujia.embedded-db.data-directory", data.resolve("pg").toString());
        props.put("jujia.privacy.keystore-path", data.resolve("keys").resolve("bench-keys.p12").toString());
        props.put("jujia.privacy.keystore-password", "bench-keystore");
        props.put("jujia.privacy.generate-if-missing", "true");
        props.put("jujia.mqtt.embedded.port", "0");
        props.put("jujia.mqtt.embedded.data-folder", data.resolve("mqtt").toString());
        props.put("jujia.demo.devices.homes", "1");
        props.put("jujia.demo.devices.simulator", "false");
        props.put("jujia.demo.assessed-per-community", "0");
        props.put("logging.level.org.jujia", "warn");
        props.put("logging.level.org.jujia.bench", "info");
        props.put("spring.main.banner-mode", "off");
        if (o.values().containsKey("db-url")) {
            props.put("spring.datasource.url", o.text("db-url", null));
            props.put("spring.datasource.username", o.text("db-username", ""));
            props.put("spring.datasource.password", o.text("db-password", ""));
        }
        return props;
    }

    /** Starts the platform with {@code props} as command-line arguments (they override application.yml). */
    static ConfigurableApplicationContext start(Class<?> application, Map<String, Object> props, Path data) {
        long t0 = System.nanoTime();
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application).profiles("demo").run(args);
        System.out.printf("bench: platform started in %d s (data in %s)%n", (System.nanoTime() - t0) / 1_000_000_000, data);
        return ctx;
    }
}
