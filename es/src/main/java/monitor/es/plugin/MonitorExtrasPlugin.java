package monitor.es.plugin;

import com.ibm.icu.text.Normalizer2;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.TrimFilter;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;

import java.io.Reader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Small stand-ins for pieces of Elasticsearch that live in modules/plugins which Maven Central
 * does not carry for 8.x (analysis-common, analysis-icu, rest-root). Same names and the same
 * behaviour for the options implemented, so index settings written against this node also work
 * on a full Elasticsearch 8.x; unsupported options are rejected rather than silently ignored
 * where it matters (cjk_bigram.ignored_scripts, icu_normalizer.name/mode).
 *
 * <ul>
 *   <li>token filters: cjk_bigram (ignored_scripts, output_unigrams), cjk_width, asciifolding
 *       (preserve_original), trim, icu_normalizer (name, mode), icu_folding</li>
 *   <li>tokenizers: keyword, whitespace, icu_tokenizer</li>
 *   <li>char filters: html_strip, icu_normalizer (name, mode)</li>
 *   <li>analyzers: cjk</li>
 *   <li>REST: {@code GET /} and {@code HEAD /} (cluster/version info, used by clients' info()/ping())</li>
 * </ul>
 */
public final class MonitorExtrasPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService = services.clusterService();
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
        Settings settings,
        NamedWriteableRegistry namedWriteableRegistry,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster,
        Predicate<NodeFeature> clusterSupportsFeature
    ) {
        return List.of(new RestRootAction(() -> clusterService));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
        m.put("cjk_bigram", (is, env, name, s) -> new CjkBigram(name, s));
        m.put("cjk_width", (is, env, name, s) -> new SimpleFilter(name, s, CJKWidthFilter::new));
        m.put("asciifolding", (is, env, name, s) -> {
            boolean preserve = s.getAsBoolean("preserve_original", false);
            return new SimpleFilter(name, s, in -> new ASCIIFoldingFilter(in, preserve));
        });
        m.put("trim", (is, env, name, s) -> new SimpleFilter(name, s, TrimFilter::new));
        m.put("icu_normalizer", (is, env, name, s) -> {
            Normalizer2 n = icuNormalizer(s);
            return new SimpleFilter(name, s, in -> new ICUNormalizer2Filter(in, n));
        });
        m.put("icu_folding", (is, env, name, s) -> new SimpleFilter(name, s, ICUFoldingFilter::new));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> m = new TreeMap<>();
        m.put("keyword", (is, env, name, s) -> TokenizerFactory.newFactory(name, KeywordTokenizer::new));
        m.put("whitespace", (is, env, name, s) -> TokenizerFactory.newFactory(name, WhitespaceTokenizer::new));
        m.put("icu_tokenizer", (is, env, name, s) -> TokenizerFactory.newFactory(name, ICUTokenizer::new));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        Map<String, AnalysisProvider<CharFilterFactory>> m = new TreeMap<>();
        m.put("html_strip", (is, env, name, s) -> new AbstractCharFilterFactory(name) {
            @Override
            public Reader create(Reader reader) {
                return new HTMLStripCharFilter(reader);
            }
        });
        m.put("icu_normalizer", (is, env, name, s) -> {
            Normalizer2 n = icuNormalizer(s);
            return new IcuNormalizerCharFilter(name, n);
        });
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends org.apache.lucene.analysis.Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends org.apache.lucene.analysis.Analyzer>>> m = new TreeMap<>();
        m.put("cjk", (is, env, name, s) -> new AbstractIndexAnalyzerProvider<CJKAnalyzer>(name, s) {
            private final CJKAnalyzer analyzer = new CJKAnalyzer();

            @Override
            public CJKAnalyzer get() {
                return analyzer;
            }
        });
        return m;
    }

    private static Normalizer2 icuNormalizer(Settings s) {
        String name = s.get("name", "nfkc_cf");
        String mode = s.get("mode", "compose");
        if (List.of("nfc", "nfkc", "nfkc_cf").contains(name) == false) {
            throw new IllegalArgumentException("icu_normalizer: unsupported name [" + name + "], expected nfc, nfkc or nfkc_cf");
        }
        if (s.get("unicode_set_filter") != null) {
            throw new IllegalArgumentException("icu_normalizer: [unicode_set_filter] is not supported on this dev node");
        }
        return switch (mode) {
            case "compose" -> Normalizer2.getInstance(null, name, Normalizer2.Mode.COMPOSE);
            case "decompose" -> Normalizer2.getInstance(null, name, Normalizer2.Mode.DECOMPOSE);
            default -> throw new IllegalArgumentException("icu_normalizer: unsupported mode [" + mode + "]");
        };
    }

    @FunctionalInterface
    private interface Wrap {
        TokenStream apply(TokenStream in);
    }

    /** A token filter that is a plain per-token transformation, hence also usable in normalizers. */
    private static final class SimpleFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final Wrap wrap;

        SimpleFilter(String name, Settings s, Wrap wrap) {
            super(name, s);
            this.wrap = wrap;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return wrap.apply(in);
        }
    }

    private static final class IcuNormalizerCharFilter extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
        private final Normalizer2 normalizer;

        IcuNormalizerCharFilter(String name, Normalizer2 normalizer) {
            super(name);
            this.normalizer = normalizer;
        }

        @Override
        public Reader create(Reader reader) {
            return new ICUNormalizer2CharFilter(reader, normalizer);
        }
    }

    /** cjk_bigram with the same options as Elasticsearch's analysis-common filter. */
    private static final class CjkBigram extends AbstractTokenFilterFactory {
        private final int flags;
        private final boolean outputUnigrams;

        CjkBigram(String name, Settings s) {
            super(name, s);
            outputUnigrams = s.getAsBoolean("output_unigrams", false);
            int f = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
            for (String script : s.getAsList("ignored_scripts", List.of())) {
                switch (script) {
                    case "han" -> f &= ~CJKBigramFilter.HAN;
                    case "hiragana" -> f &= ~CJKBigramFilter.HIRAGANA;
                    case "katakana" -> f &= ~CJKBigramFilter.KATAKANA;
                    case "hangul" -> f &= ~CJKBigramFilter.HANGUL;
                    default -> throw new IllegalArgumentException("cjk_bigram: unknown script [" + script + "] in [ignored_scripts]");
                }
            }
            flags = f;
        }

        @Override
        public TokenStream create(TokenStream in) {
            return new CJKBigramFilter(in, flags, outputUnigrams);
        }
    }
}
