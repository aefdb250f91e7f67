package org.jujia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Jujia (居家): the city platform for home-based elderly care.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class JujiaApplication {

    public static void main(String[] args) throws Exception {
        if (org.jujia.bench.BenchCommand.isBench(args)) {
            // java -jar jujia.jar bench alarms --devices 10000 --rate 5000 --duration 60
            System.exit(org.jujia.bench.BenchCommand.run(args, JujiaApplication.class));
        }
        SpringApplication.run(JujiaApplication.class, args);
    }
}
