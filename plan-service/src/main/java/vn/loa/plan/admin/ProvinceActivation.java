package vn.loa.plan.admin;

/**
 * One line of a province's activation as it goes ({@code application/x-ndjson}): a commune done ({@code code}, {@code
 * name}, {@code activatedNow} false when it was active already), then a last line with {@code finished} and the counts —
 * or, if it had to stop, a line with the Vietnamese {@code error} (the communes done so far stay active; running it again
 * goes on from there).
 */
public record ProvinceActivation(int done, int total, String code, String name, Boolean activatedNow,
        Boolean finished, Integer activatedCount, Integer alreadyActiveCount, String error) {

    public static ProvinceActivation step(int done, int total, CommuneState commune, boolean activatedNow) {
        return new ProvinceActivation(done, total, commune.code(), commune.name(), activatedNow, null, null, null, null);
    }

    public static ProvinceActivation finished(int total, int activated, int alreadyActive) {
        return new ProvinceActivation(total, total, null, null, null, true, activated, alreadyActive, null);
    }

    public static ProvinceActivation stopped(int done, int total, String error) {
        return new ProvinceActivation(done, total, null, null, null, false, null, null, error);
    }
}
