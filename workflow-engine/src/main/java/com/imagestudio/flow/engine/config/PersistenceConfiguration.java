package com.imagestudio.flow.engine.config;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the engine's JPA writes reach PostgreSQL: the rows one transaction changes go in JDBC
 * batches, ordered by table, so recording a run's finished nodes (a row each) is one round trip,
 * not one per node. Wherever the engine runs: the studio and its tests.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    /** More than a run's nodes in one recording; a larger batch buys nothing more. */
    static final int JDBC_BATCH_SIZE = 64;

    @Bean
    HibernatePropertiesCustomizer batchedWrites() {
        return properties -> {
            properties.putIfAbsent("hibernate.jdbc.batch_size", JDBC_BATCH_SIZE);
            properties.putIfAbsent("hibernate.order_inserts", true);
            properties.putIfAbsent("hibernate.order_updates", true);
        };
    }
}
