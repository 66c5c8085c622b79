package com.imagestudio.flow.engine.config;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's JPA, as the studio runs it. */
@SpringBootTest
class PersistenceConfigurationTest {

    @Autowired
    EntityManagerFactory jpa;

    @Test
    void theRowsATransactionWritesGoToPostgresqlInBatchesOrderedByTable() {
        assertThat(jpa.getProperties())
                .containsEntry("hibernate.jdbc.batch_size", PersistenceConfiguration.JDBC_BATCH_SIZE)
                .containsEntry("hibernate.order_inserts", true)
                .containsEntry("hibernate.order_updates", true);
    }
}
