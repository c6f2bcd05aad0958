package vn.loa.testsupport;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * A service's settings record ({@code @ConfigurationProperties}, {@code @Validated}) bound from a few properties the
 * way its start binds it: Boot's {@link Binder} with its conversions ({@code 500ms}, {@code PT2M}, {@code 10MB}, a
 * comma list), the record's {@code @DefaultValue}s and Bean Validation. A wrong value is the {@link BindException}
 * that stops the start.
 */
public final class Settings {

    private static final LocalValidatorFactoryBean VALIDATOR = validator();

    private Settings() {
    }

    /** {@code type} bound from {@code properties} ({@code "loa.outbox.lease=30s"}, …), defaults for the rest. */
    public static <T> T bind(Class<T> type, String... properties) {
        ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type.getName() + " is not a @ConfigurationProperties type");
        }
        String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
        Map<String, String> values = Arrays.stream(properties)
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(VALIDATOR));
    }

    /**
     * Asserts that binding {@code type} from {@code property} ({@code "loa.outbox.lease=0s"}) is refused as a start
     * refuses it: a {@link BindException} that names the property.
     */
    public static void assertRefused(Class<?> type, String property) {
        String name = property.split("=", 2)[0];
        try {
            Object bound = bind(type, property);
            throw new AssertionError(type.getSimpleName() + " took " + property + ": " + bound);
        } catch (BindException e) {
            StringBuilder said = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                said.append(t.getMessage()).append('\n');
            }
            if (!said.toString().contains(name)) {
                throw new AssertionError("the refusal of " + property + " does not name " + name, e);
            }
        }
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }
}
