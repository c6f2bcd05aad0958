package vn.loa.task.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.loa.task.support.Samples.published;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.platform.tenancy.CallerHeaders;
import vn.loa.task.crediting.Crediting;
import vn.loa.task.intake.EventIntake;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskTopic;
import vn.loa.task.task.Task;
import vn.loa.task.task.TaskLifecycle;
import vn.loa.task.task.Tasks;
import vn.loa.testsupport.TestBroker;

/** The HTTP API as the gateway calls it: the caller in the X-Loa-* headers, problems in Vietnamese. */
class TaskApiTest extends IntegrationTest {

    @Autowired
    MockMvc http;

    @Autowired
    TaskLifecycle lifecycle;

    @Autowired
    Crediting crediting;

    @Autowired
    Tasks tasks;

    /** A commune of Hải Phòng (province 31). */
    private final String tenant = Samples.someCommune();
    private final String plan = "plan-" + UUID.randomUUID();
    private final String item = "item-" + UUID.randomUUID();

    @BeforeEach
    void aPlanWithOneCreditedTask() {
        EventIntake.handle(Samples.plan(tenant, plan), lifecycle, crediting);
        crediting.published(published(tenant, item, "news", "portal", "2025-09-02T01:15:00Z"));
    }

    @Test
    void theStaffOfTheCommuneListTheTasksOfAPlanWithTheirPeriods() throws Exception {
        http.perform(as(get("/api/tasks").param("plan", plan), tenant, "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].id").value(Samples.news(plan)))
                .andExpect(jsonPath("$[0].planId").value(plan))
                .andExpect(jsonPath("$[0].leadUnit").value(Samples.OFFICE))
                .andExpect(jsonPath("$[0].quota.count").value(1))
                .andExpect(jsonPath("$[0].quota.per").value("MONTH"))
                .andExpect(jsonPath("$[0].credited").value(1))
                .andExpect(jsonPath("$[0].dueDate").value("2025-12-31"))
                .andExpect(jsonPath("$[0].periods[*].period")
                        .value(contains("2025-08", "2025-09", "2025-10", "2025-11", "2025-12")))
                .andExpect(jsonPath("$[0].periods[1].credited").value(1))
                .andExpect(jsonPath("$[0].periods[1].target").value(1))
                .andExpect(jsonPath("$[0].periods[1].status").value("MET"))
                .andExpect(jsonPath("$[0].periods[0].status").value("MISSED"))
                .andExpect(jsonPath("$[0].status").value("OVERDUE"))
                .andExpect(jsonPath("$[1].periods[0].period").value("PLAN"));
    }

    @Test
    void periodsThatEndedBeforeThePlanWasIssuedAreNotApplicableNeverMissed() throws Exception {
        String late = "plan-" + UUID.randomUUID();
        PlanIssued issued = Samples.plan(tenant, late);
        // the same plan, issued on 05/09/2025: August had ended by then; the item published on 2 September (before
        // the issue) counts in September, the month of issue
        EventIntake.handle(new PlanIssued(tenant, late, 1, issued.number(), issued.title(), issued.periodFrom(),
                issued.periodTo(), LocalDate.of(2025, 9, 5), Instant.parse("2025-09-05T02:00:00Z"),
                issued.issuedBy(), issued.tasks()), lifecycle, crediting);

        http.perform(as(get("/api/tasks").param("plan", late), tenant, "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].periods[0].period").value("2025-08"))
                .andExpect(jsonPath("$[0].periods[0].status").value("NOT_APPLICABLE"))
                .andExpect(jsonPath("$[0].periods[0].statusLabel").value("Không áp dụng"))
                .andExpect(jsonPath("$[0].periods[0].atRisk").value(false))
                .andExpect(jsonPath("$[0].periods[1].period").value("2025-09"))
                .andExpect(jsonPath("$[0].periods[1].status").value("MET"))
                .andExpect(jsonPath("$[0].periods[1].statusLabel").value("Đạt"))
                .andExpect(jsonPath("$[0].periods[?(@.status == 'MISSED')].period")
                        .value(contains("2025-10", "2025-11", "2025-12")));
        http.perform(as(get("/api/tasks/{id}", Samples.news(late)), tenant, "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods[0].status").value("NOT_APPLICABLE"));
    }

    @Test
    void oneTaskShowsWhyItWasCredited() throws Exception {
        http.perform(as(get("/api/tasks/{id}", Samples.news(plan)), tenant, "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels").value(contains("portal", "zalo-oa")))
                .andExpect(jsonPath("$.credits", hasSize(1)))
                .andExpect(jsonPath("$.credits[0].itemId").value(item))
                .andExpect(jsonPath("$.credits[0].channel").value("portal"))
                .andExpect(jsonPath("$.credits[0].publishedAt").value("2025-09-02T01:15:00Z"))
                .andExpect(jsonPath("$.credits[0].period").value("2025-09"))
                .andExpect(jsonPath("$.credits[0].basis").value("MATCHED"))
                .andExpect(jsonPath("$.credits[0].withdrawn").value(nullValue()));
    }

    @Test
    void anotherCommunesTaskIsNotFoundAndItsPlanListsNothing() throws Exception {
        String other = Samples.someCommune();
        http.perform(as(get("/api/tasks/{id}", Samples.news(plan)), other, "LEADER"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy nhiệm vụ."));
        http.perform(as(get("/api/tasks").param("plan", plan), other, "LEADER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aReviewerOfTheProvinceReadsButAReviewerOfAnotherProvinceDoesNot() throws Exception {
        http.perform(as(get("/api/tasks/{id}", Samples.news(plan)), "31", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credited").value(1));
        http.perform(as(get("/api/tasks/{id}", Samples.news(plan)), "01", "VIEWER"))
                .andExpect(status().isNotFound());
        // reading is all a reviewer may do
        http.perform(as(delete("/api/tasks/{id}/credits/{credit}", Samples.news(plan), creditId())
                .param("reason", "Không thuộc nhiệm vụ"), "31", "VIEWER"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anEditorMayNotWithdrawACredit() throws Exception {
        http.perform(as(delete("/api/tasks/{id}/credits/{credit}", Samples.news(plan), creditId())
                .param("reason", "Không thuộc nhiệm vụ"), tenant, "EDITOR"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Không có quyền"));
        assertThat(newsTask().credited()).isEqualTo(1);
    }

    @Test
    void aLeaderMustGiveAReason() throws Exception {
        http.perform(as(delete("/api/tasks/{id}/credits/{credit}", Samples.news(plan), creditId()), tenant, "LEADER"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("Vui lòng nêu lý do rút lượt tính."));
        assertThat(newsTask().credited()).isEqualTo(1);
    }

    @Test
    void aLeaderWithdrawsAWrongCreditForGoodAndItIsRecordedAndAnnounced() throws Exception {
        String credit = creditId();
        http.perform(as(delete("/api/tasks/{id}/credits/{credit}", Samples.news(plan), credit), tenant, "LEADER")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Tin không thuộc nhiệm vụ này\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.credited").value(0))
                .andExpect(jsonPath("$.credits[0].withdrawn.by").value("u-lanh-dao"))
                .andExpect(jsonPath("$.credits[0].withdrawn.reason").value("Tin không thuộc nhiệm vụ này"));

        // republished elsewhere, the item still does not count for this task
        crediting.published(published(tenant, item, "news", "zalo-oa", "2025-09-20T01:15:00Z"));
        assertThat(newsTask().credited()).isZero();
        // and the withdrawal went out to the other services
        try (TestBroker broker = new TestBroker()) {
            eventually().untilAsserted(() -> assertThat(TaskTopic.events(broker, Samples.news(plan)))
                    .filteredOn(TaskCreditWithdrawn.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((TaskCreditWithdrawn) e).withdrawnBy()).isEqualTo("u-lanh-dao")));
        }
        http.perform(as(delete("/api/tasks/{id}/credits/{credit}", Samples.news(plan), credit)
                .param("reason", "Lần nữa"), tenant, "LEADER"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Lượt tính này đã được rút trước đó."));
    }

    @Test
    void aListWithoutPlanIsABadRequestInVietnamese() throws Exception {
        http.perform(as(get("/api/tasks"), tenant, "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"));
    }

    @Test
    void theServiceReportsHealthyOnTheEmbeddedDatabase() throws Exception {
        http.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.mongo.status").value("UP"));
    }

    @Test
    void theApiIsDescribedByOpenApi() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/tasks'].get").exists())
                .andExpect(jsonPath("$.paths['/api/tasks/{id}/credits/{creditId}'].delete").exists())
                // the caller comes from the gateway's headers: no parameter of the API
                .andExpect(jsonPath("$.paths['/api/tasks'].get.parameters[*].name",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("caller"))))
                .andExpect(jsonPath("$.paths['/api/tasks'].get.parameters[*].name",
                        org.hamcrest.Matchers.hasItem("plan")));
    }

    private Task newsTask() {
        return tasks.findWhole(Task.id(tenant, Samples.news(plan))).orElseThrow();
    }

    private String creditId() {
        return newsTask().activeCreditOf(item).orElseThrow().creditId();
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String tenant,
            String roles) {
        return request.header(CallerHeaders.TENANT, tenant).header(CallerHeaders.USER, "u-lanh-dao")
                .header(CallerHeaders.ROLES, roles);
    }
}
