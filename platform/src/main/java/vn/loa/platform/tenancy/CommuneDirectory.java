package vn.loa.platform.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant directory: Vietnam's 34 provinces and 3,321 communes, wards and special zones (after the July 2025
 * reorganisation) with their official codes and names. Source: the MIT-licensed dataset
 * {@code thanglequoc/vietnamese-provinces-database} as of 25/07/2026 ({@code loa/communes.LICENSE}).
 */
public final class CommuneDirectory {

    /** A commune (xã, phường, đặc khu): the tenant. */
    public record Commune(String code, String name, String provinceCode) {

        /** Xã, phường or đặc khu, by the unit's name. */
        public UnitKind kind() {
            return UnitKind.of(name);
        }
    }

    /** A province or centrally-run city: sees its communes. */
    public record Province(String code, String name, List<Commune> communes) {
    }

    private static final CommuneDirectory INSTANCE = load();

    private final Map<String, Province> provinces;
    private final Map<String, Commune> communes;

    private CommuneDirectory(Map<String, Province> provinces, Map<String, Commune> communes) {
        this.provinces = Collections.unmodifiableMap(provinces);
        this.communes = Collections.unmodifiableMap(communes);
    }

    public static CommuneDirectory instance() {
        return INSTANCE;
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(communes.get(code));
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    /** Every province, in the directory's order. */
    public List<Province> provinces() {
        return List.copyOf(provinces.values());
    }

    public boolean isCommune(String code) {
        return communes.containsKey(code);
    }

    public boolean isProvince(String code) {
        return provinces.containsKey(code);
    }

    /** Whether a commune lies in a province. */
    public boolean inProvince(String communeCode, String provinceCode) {
        Commune c = communes.get(communeCode);
        return c != null && c.provinceCode().equals(provinceCode);
    }

    private static CommuneDirectory load() {
        try (InputStream in = CommuneDirectory.class.getResourceAsStream("/loa/communes.json")) {
            if (in == null) {
                throw new IllegalStateException("loa/communes.json is missing from the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Province> provinces = new LinkedHashMap<>();
            Map<String, Commune> communes = new LinkedHashMap<>();
            for (JsonNode p : root) {
                String provinceCode = p.get("code").asString();
                List<Commune> list = new java.util.ArrayList<>();
                for (JsonNode c : p.get("communes")) {
                    Commune commune = new Commune(c.get("code").asString(), c.get("name").asString(), provinceCode);
                    list.add(commune);
                    communes.put(commune.code(), commune);
                }
                provinces.put(provinceCode, new Province(provinceCode, p.get("name").asString(), List.copyOf(list)));
            }
            return new CommuneDirectory(provinces, communes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
