package dev.veritensor.rules.pip.wheel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveMemberTest {

    @Test
    void theInnermostArchiveCounts() {
        ArchiveMember m = ArchiveMember.of("bundle.zip!/wheels/Foo_Bar-2.0-py3-none-any.whl!/x/y.pth").orElseThrow();
        assertThat(m.archivePath()).isEqualTo("bundle.zip!/wheels/Foo_Bar-2.0-py3-none-any.whl");
        assertThat(m.archiveName()).isEqualTo("Foo_Bar-2.0-py3-none-any.whl");
        assertThat(m.member()).isEqualTo("x/y.pth");
        assertThat(m.inWheel()).isTrue();
        assertThat(m.distribution()).contains("foo-bar");
        assertThat(m.scanPath()).isEqualTo("bundle.zip!/wheels/Foo_Bar-2.0-py3-none-any.whl!/x/y.pth");
        assertThat(ArchiveMember.of("plain/file.pth")).isEmpty();
    }

    @Test
    void sdistNamesLoseTheirVersion() {
        assertThat(ArchiveMember.distributionOf("zope.interface-6.0.tar.gz")).contains("zope-interface");
        assertThat(ArchiveMember.distributionOf("my-pkg-1.0rc1.zip")).contains("my-pkg");
        assertThat(ArchiveMember.distributionOf("pkg.tar.bz2")).isEmpty();
        assertThat(ArchiveMember.distributionOf("README.md")).isEmpty();
    }

    @Test
    void wheelLayoutFindsWhatLandsInSitePackages() {
        assertThat(WheelLayout.sitePackagesPath("a.pth")).contains("a.pth");
        assertThat(WheelLayout.sitePackagesPath("pkg/mod.py")).contains("pkg/mod.py");
        assertThat(WheelLayout.sitePackagesPath("pkg-1.0.data/purelib/x/y.py")).contains("x/y.py");
        assertThat(WheelLayout.sitePackagesPath("pkg-1.0.data/scripts/tool")).isEmpty();
        assertThat(WheelLayout.sitePackagesPath("pkg-1.0.data/headers/x.h")).isEmpty();
        assertThat(WheelLayout.sitePackagesPath("pkg-1.0.data/data/share/x.pth")).isEmpty();
        assertThat(WheelLayout.sitePackagesPath("pkg-1.0.data/purelib/")).isEmpty();
        assertThat(WheelLayout.sitePackagesPath("pkg.data/x.pth")).contains("pkg.data/x.pth");
        assertThat(WheelLayout.isInstalledAtSitePackagesRoot("pkg-1.0.data/platlib/z.pth")).isTrue();
        assertThat(WheelLayout.isInstalledAtSitePackagesRoot("pkg/z.pth")).isFalse();
    }
}
