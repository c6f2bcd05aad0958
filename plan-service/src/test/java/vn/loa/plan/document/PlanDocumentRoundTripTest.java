package vn.loa.plan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.plan.demo.DemoPlan;
import vn.loa.plan.plan.PlanRules;
import vn.loa.plan.Fixtures;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.importing.ImportedPlan;
import vn.loa.plan.importing.PlanImporter;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.Stamp;

/**
 * The acceptance test of the export: each of the five seed plans, imported from its Word file, exported by
 * {@link PlanDocument} and imported again, gives back the same tasks (task by task: name, description, units, kinds,
 * channels, audience, scale, quota, due), the same number, title and signer, and the same sections.
 */
class PlanDocumentRoundTripTest {

    private final PlanImporter importer = new PlanImporter();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "kim-thanh-2025.docx, 10804",
        "tien-minh-2026.docx, 11791",
        "bach-mai-2025.docx, 00292",
        "nguyen-luong-bang-2025-ocr.docx, 11242",
        "ky-lac-2025.docx, 18838",
    })
    void theExportReadsBackAsTheSamePlan(String fixture, String tenant) {
        ImportedPlan first = importer.read(Fixtures.docx(fixture));
        Plan plan = draft(tenant, first);

        ImportedPlan again = importer.read(PlanDocument.write(plan));

        assertThat(again.tasks()).as("as many tasks").hasSameSizeAs(first.tasks());
        for (int i = 0; i < first.tasks().size(); i++) {
            TaskDetails want = first.tasks().get(i);
            TaskDetails got = again.tasks().get(i);
            assertThat(got.title()).as("task %d title", i + 1).isEqualTo(want.title());
            assertThat(got.quota()).as("task %d quota", i + 1).isEqualTo(want.quota());
            assertThat(got.due()).as("task %d due", i + 1).isEqualTo(want.due());
            assertThat(got).as("task %d, every field", i + 1).isEqualTo(want);
        }
        PlanContent want = first.content();
        PlanContent got = again.content();
        assertThat(got.number()).isEqualTo(want.number());
        assertThat(got.title()).isEqualTo(want.title());
        assertThat(got.signer()).isEqualTo(want.signer());
        assertThat(got.issuedOn()).isEqualTo(want.issuedOn());
        assertThat(got.period()).isEqualTo(want.period());
        assertThat(got.basis()).isEqualTo(want.basis());
        assertThat(got.purposes()).isEqualTo(want.purposes());
        assertThat(got.requirements()).isEqualTo(want.requirements());
        assertThat(got.targets()).isEqualTo(want.targets());
        assertThat(got.themes()).isEqualTo(want.themes());
        assertThat(got.forms()).isEqualTo(want.forms());
        assertThat(got.budget()).isEqualTo(want.budget());
        assertThat(got.duties()).isEqualTo(want.duties());
        assertThat(got.otherSections()).isEqualTo(want.otherSections());
        assertThat(got.closing()).isEqualTo(want.closing());
        assertThat(got.recipients()).isEqualTo(want.recipients());
    }

    /**
     * The same seeds as the demo issues them (src/main/resources/demo: number, date and, for the three plans
     * without an annex table, the tasks a commune officer would type, with quotas and due dates): exported, then
     * imported, every task comes back as it was, field by field.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("demoPlans")
    void theDemoPlansReadBackTaskByTask(String name, DemoPlan demo) {
        List<TaskDetails> tasks = demo.checkedTasks(new PlanRules());
        assertThat(tasks).as("the demo plan has tasks").isNotEmpty();
        Plan plan = draft(demo.tenantId(), new ImportedPlan(demo.plan(), tasks, List.of()));

        ImportedPlan again = importer.read(PlanDocument.write(plan));

        assertThat(again.tasks()).as("as many tasks").hasSameSizeAs(tasks);
        for (int i = 0; i < tasks.size(); i++) {
            TaskDetails want = tasks.get(i);
            TaskDetails got = again.tasks().get(i);
            assertThat(got.quota()).as("task %d quota", i + 1).isEqualTo(want.quota());
            assertThat(got.due()).as("task %d due", i + 1).isEqualTo(want.due());
            assertThat(got).as("task %d, every field", i + 1).isEqualTo(want);
        }
        assertThat(again.content().number()).isEqualTo(demo.plan().number());
        assertThat(again.content().title()).isEqualTo(demo.plan().title());
        assertThat(again.content().issuedOn()).isEqualTo(demo.plan().issuedOn());
        assertThat(again.content().signer()).isEqualTo(demo.plan().signer());
        assertThat(again.content().duties()).isEqualTo(demo.plan().duties());
        assertThat(again.content().recipients()).isEqualTo(demo.plan().recipients());
    }

    static Stream<Arguments> demoPlans() {
        List<DemoPlan> all = DemoPlan.all(JsonMapper.builder().build());
        assertThat(all).as("the five seed plans").hasSize(5);
        return all.stream().map(d -> Arguments.of(d.source(), d));
    }

    static Plan draft(String tenant, ImportedPlan imported) {
        List<AnnexTask> tasks = new ArrayList<>();
        for (TaskDetails d : imported.tasks()) {
            tasks.add(AnnexTask.of("t" + (tasks.size() + 1), tasks.size() + 1, d));
        }
        return Plan.draft("p1", tenant, imported.content(), tasks, imported.notes(),
                new Stamp("u", Instant.parse("2026-01-01T00:00:00Z")));
    }
}
