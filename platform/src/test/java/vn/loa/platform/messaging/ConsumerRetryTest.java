package vn.loa.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.messaging.MessagingException;
import vn.loa.contracts.UnreadableEvent;

/** How often a consumer tries an event, by what its failure was. */
class ConsumerRetryTest {

    private final RetryTemplate retry = new RetryTemplate(new ConsumerRetry(new ConsumerRetry.Settings(3,
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(1), Duration.ofMillis(4))));

    @Test
    void aDatabaseThatPassesIsWaitedForHoweverManyTriesItTakes() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        String done = retry.execute(() -> {
            if (tries.incrementAndGet() <= 25) { // as the binder hands it over: wrapped
                throw new MessagingException("the handler failed", new DataAccessResourceFailureException("database down"));
            }
            return "written";
        });
        assertThat(done).isEqualTo("written");
        assertThat(tries).hasValue(26);
    }

    @Test
    void aServerThatDoesNotAnswerWhileItRestartsIsWaitedForToo() throws Exception {
        // notification-service asks Keycloak for a reminder's recipients: reminders raised while Keycloak restarted
        // went to the dead letters (chaos run of 07/12/2026)
        AtomicInteger tries = new AtomicInteger();
        String done = retry.execute(() -> {
            int n = tries.incrementAndGet();
            if (n <= 10) {
                throw new MessagingException("the handler failed", new org.springframework.web.client
                        .ResourceAccessException("I/O error on POST request", new java.net.ConnectException()));
            }
            if (n <= 20) {
                throw org.springframework.web.client.HttpServerErrorException.create(
                        org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", null, null,
                        null);
            }
            return "delivered";
        });
        assertThat(done).isEqualTo("delivered");
        assertThat(tries).hasValue(21);
    }

    @Test
    void anyOtherFaultIsTriedThreeTimesInAll() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> retry.execute(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("a bug");
        })).isInstanceOf(RetryException.class).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(3);
    }

    @Test
    void waitingForTheDatabaseDoesNotUseUpTheTriesOfAnotherFault() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> retry.execute(() -> {
            int n = tries.incrementAndGet();
            throw n % 2 == 0 ? new DataAccessResourceFailureException("down") : new IllegalStateException("a bug");
        })).isInstanceOf(RetryException.class);
        assertThat(tries).as("three tries that met the bug, two that met the database between them").hasValue(5);
    }

    @Test
    void anEventThatCanNeverBeReadIsNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> retry.execute(() -> {
            tries.incrementAndGet();
            throw new MessagingException("the handler failed", new UnreadableEvent("not a CloudEvent"));
        })).isInstanceOf(RetryException.class);
        assertThat(tries).hasValue(1);
    }
}
