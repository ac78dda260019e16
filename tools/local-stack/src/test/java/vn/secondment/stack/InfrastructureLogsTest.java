package vn.secondment.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureLogsTest {

    @Test
    void kafkaPostgresAndMailLogsGoToTheirOwnFiles(@TempDir Path logs) {
        InfrastructureLogs.routeToFiles(logs, false);

        Logger.getLogger("org.apache.kafka.controller.QuorumController").info("controller started");
        Logger.getLogger("io.zonky.test.db.postgres.embedded.EmbeddedPostgres").info("database system is ready");
        Logger.getLogger("com.icegreen.greenmail.smtp.SmtpServer").info("Started SMTP server");

        assertThat(logs.resolve("kafka.log")).content().contains("controller started");
        assertThat(logs.resolve("postgres.log")).content().contains("database system is ready");
        assertThat(logs.resolve("mail.log")).content().contains("Started SMTP server");
        assertThat(Logger.getLogger("kafka").getUseParentHandlers()).isFalse();
    }
}
