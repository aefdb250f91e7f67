package org.jujia;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts an embedded PostgreSQL (zonky) whose data survives restarts, unless {@code spring.datasource.url}
 * names an external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @ConfigurationProperties("jujia.embedded-db")
    record EmbeddedDbProperties(String dataDirectory, Integer port, String database, Map<String, String> serverConfig) {
        EmbeddedDbProperties {
            dataDirectory = dataDirectory == null ? "./data/pg" : dataDirectory;
            port = port == null ? 0 : port;
            database = database == null ? "jujia" : database;
            serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
        }
    }

    /**
     * The data source owns the embedded server and stops it when it is closed itself, so that every bean using
     * the database (which Spring destroys first) can still reach it while shutting down. The pool takes the same
     * {@code spring.datasource.hikari.*} settings as that of an external database (defaults: 10 connections).
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedDbProperties props) throws IOException, SQLException {
        EmbeddedPostgres postgres = start(props);
        createDatabaseIfMissing(postgres, props.database());
        var ds = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            }
        };
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", props.database()));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setMinimumIdle(2);
        ds.setPoolName("jujia-embedded");
        return ds;
    }

    private static EmbeddedPostgres start(EmbeddedDbProperties props) throws IOException {
        Path dir = Path.of(props.dataDirectory()).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // the data source bean stops the server after every user of the database has shut down
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("timezone", "Asia/Shanghai")
                // Write-heavy ingest (docs/devices.md): the first change of each page after a checkpoint writes the whole
                // page to the WAL, and under 5,000 device messages/s that burst held commits for about a second at every
                // checkpoint, which the default 1 GB of WAL brought every minute or so. Fewer checkpoints, smaller page images.
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("wal_compression", "on");
        // further postgresql.conf settings, e.g. jujia.embedded-db.server-config.log_autovacuum_min_duration=0
        props.serverConfig().forEach(builder::setServerConfig);
        if (props.port() > 0) {
            builder.setPort(props.port());
        }
        return builder.start();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + database);
        }
        DataSource admin = postgres.getPostgresDatabase();
        try (var c = admin.getConnection();
                var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            st.setString(1, database);
            try (var rs = st.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + database + " encoding 'UTF8'");
                    }
                }
            }
        }
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
