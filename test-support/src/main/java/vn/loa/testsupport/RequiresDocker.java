package vn.loa.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that only means something against real images in containers (replica-set behaviour of the real
 * {@code mongo}, pausing the broker's container): it names the parts it needs. Where one of them does not run in a
 * container here (no Docker engine, or its image is not on this machine and tests never pull), it is skipped and
 * the report and the log say why.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {

    /** The parts that must run in containers. */
    LoaInfrastructure.Part[] value();
}
