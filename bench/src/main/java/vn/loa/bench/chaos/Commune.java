package vn.loa.bench.chaos;

import java.util.List;

/** One of the five demo communes and its demo users (deploy/keycloak/loa-realm.json, password demo). */
record Commune(String code, String slug, String name) {

    static final List<Commune> DEMO = List.of(
            new Commune("10804", "kim-thanh", "Xã Kim Thành"),
            new Commune("11791", "tien-minh", "Xã Tiên Minh"),
            new Commune("11242", "nguyen-luong-bang", "Xã Nguyễn Lương Bằng"),
            new Commune("00292", "bach-mai", "Phường Bạch Mai"),
            new Commune("18838", "ky-lac", "Xã Kỳ Lạc"));

    String editor() {
        return slug + ".editor";
    }

    String leader() {
        return slug + ".leader";
    }
}
