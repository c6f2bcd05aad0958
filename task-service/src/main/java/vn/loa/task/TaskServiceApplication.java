package vn.loa.task;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.loa.task.task.AtRiskRule;
import vn.loa.task.task.Progress;

/**
 * task-service: tasks with quotas per period, credited exactly once by what is published. Consumes
 * {@code plan.plan.events} and {@code content.item.events}, produces {@code task.task.events} (see README.md).
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(AtRiskRule.class)
public class TaskServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskServiceApplication.class, args);
    }

    @Bean
    Progress progress(AtRiskRule atRisk) {
        return new Progress(atRisk);
    }
}
