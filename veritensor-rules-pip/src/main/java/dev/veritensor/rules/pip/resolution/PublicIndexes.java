package dev.veritensor.rules.pip.resolution;

import dev.veritensor.api.InternalScope;
import dev.veritensor.api.Redaction;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which package indexes are public. When the configuration names the project's internal indexes
 * ({@code [internal] indexes}), every other index is public: anyone may publish to it or it is
 * run by a third party. Without that configuration an index is public when its host is PyPI
 * (pypi.org, its file host files.pythonhosted.org, test.pypi.org, the old pypi.python.org), a
 * well-known public mirror of PyPI, or a vendor's public wheel index commonly used by ML projects
 * (PyTorch, NVIDIA, PyG, OpenMMLab); any other index is taken for a private one. A URL made of
 * {@code ${VAR}} references is decided by the environment and counts as neither.
 */
public final class PublicIndexes {

    /** The URL Veritensor uses for PyPI where a tool consults it without naming it. */
    public static final String PYPI = "https://pypi.org/simple";

    private static final Set<String> PUBLIC_HOSTS = Set.of(
            "pypi.org", "www.pypi.org", "test.pypi.org", "pypi.python.org", "files.pythonhosted.org",
            "download.pytorch.org", "pypi.nvidia.com", "pypi.ngc.nvidia.com", "data.pyg.org",
            "download.openmmlab.com",
            "pypi.tuna.tsinghua.edu.cn", "mirrors.tuna.tsinghua.edu.cn", "mirrors.aliyun.com",
            "mirrors.cloud.tencent.com", "pypi.douban.com", "mirror.baidu.com", "repo.huaweicloud.com",
            "pypi.mirrors.ustc.edu.cn", "mirrors.ustc.edu.cn", "mirrors.bfsu.edu.cn", "mirrors.sustech.edu.cn");

    private PublicIndexes() {
    }

    /** Whether {@code url} is a public index under {@code scope} (see the class description). */
    public static boolean isPublic(String url, InternalScope scope) {
        if (url.contains("${")) {
            return false;
        }
        if (!scope.indexes().isEmpty()) {
            return isHttp(url) && !scope.isInternalIndex(url);
        }
        return host(url).filter(PUBLIC_HOSTS::contains).isPresent();
    }

    /** Whether {@code url} is an index the project treats as its own: internal under the configuration, or private. */
    public static boolean isPrivate(String url, InternalScope scope) {
        if (url.contains("${") || !isHttp(url)) {
            return false;
        }
        if (!scope.indexes().isEmpty()) {
            return scope.isInternalIndex(url);
        }
        return !isPublic(url, scope);
    }

    /** The lower-case host of an http(s) URL, without credentials or port. */
    public static Optional<String> host(String url) {
        String u = Redaction.stripCredentials(url.strip());
        int scheme = u.indexOf("://");
        if (scheme <= 0) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int end = start;
        while (end < u.length() && "/?#:".indexOf(u.charAt(end)) < 0) {
            end++;
        }
        return end > start ? Optional.of(u.substring(start, end).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean isHttp(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }
}
