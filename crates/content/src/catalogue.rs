//! The rule catalogue as HTML, for the site's `/reference/rules` pages: generated from the rules'
//! own documentation and examples, with the engine's real findings on each poor example. Built at
//! build time; every text is escaped.

use flowguide_engine::feedback::{analyse, preset::Preset, rules, Component, Config, Rule, RuleDocs, Severity};
use flowguide_engine::workflow::parse;
use flowguide_text::html::escape;

/// Escapes text and turns `code` spans into `<code>` elements.
fn inline(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", escape(part))
            } else {
                escape(part)
            }
        })
        .collect()
}

/// Paragraphs of plain documentation text (blank lines separate them).
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(|p| format!("<p>{}</p>", inline(p.trim())))
        .collect()
}

fn severity_label(s: Option<Severity>) -> &'static str {
    s.map_or("off", Severity::key)
}

/// The catalogue's list: every rule, grouped by component, linking to its page.
pub fn index_html() -> String {
    let mut out = String::from("<h2 id=\"all-rules\">All rules</h2>\n");
    for c in Component::ALL {
        out.push_str(&format!(
            "<h3 id=\"rules-{}\">{}</h3>\n<ul class=\"rule-list\">",
            c.key().replace('_', "-"),
            escape(c.title())
        ));
        for (rule, docs) in rules::documented().filter(|(r, _)| r.component == c) {
            out.push_str(&format!(
                "<li><a href=\"{}\">{}</a> <code>{}</code> <span class=\"rule-severity\">{}</span></li>",
                escape(&rule.url()),
                escape(docs.title),
                escape(rule.id),
                severity_label(Config::default().severity(rule))
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}

/// One rule's page: what it checks, why, its severity in each preset, and both examples with
/// what the feedback says about them.
pub fn rule_html(rule: &Rule, docs: &RuleDocs) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<p class=\"rule-meta\">Rule <code>{}</code> · about <a href=\"{}\">{}</a></p>\n",
        escape(rule.id),
        escape(rule.component.page()),
        escape(rule.component.title())
    ));
    out.push_str(&paragraphs(docs.description));
    out.push_str(&format!(
        "<h2 id=\"why-it-matters\">Why it matters</h2>\n{}",
        paragraphs(rule.why)
    ));
    out.push_str("<h2 id=\"severity\">How much it counts</h2>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Severity in each preset\"><table><thead><tr><th>Preset</th><th>Severity</th></tr></thead><tbody>");
    for preset in Preset::ALL {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>",
            preset.key(),
            severity_label(Config::preset(preset).severity(rule))
        ));
    }
    out.push_str("</tbody></table></div>\n<p>Errors and warnings make a component “needs work”; tips do not.</p>\n");
    for (id, heading, json, intro) in [
        (
            "a-poor-example",
            "A poor example",
            docs.poor,
            "This workflow breaks the rule.",
        ),
        (
            "a-good-example",
            "A good example",
            docs.good,
            "The same workflow, mended.",
        ),
    ] {
        out.push_str(&format!(
            "<h2 id=\"{id}\">{heading}</h2>\n<p>{intro}</p>\n<pre class=\"workflow-json\" tabindex=\"0\" role=\"region\" aria-label=\"{heading} as a workflow file\"><code>{}</code></pre>\n",
            escape(json)
        ));
        let findings: Vec<_> = parse(json)
            .map(|doc| {
                let mut config = Config::default();
                config
                    .overrides
                    .entry(rule.id.to_string())
                    .or_insert(flowguide_engine::feedback::preset::Level::Warning);
                analyse(&doc, &config)
                    .components
                    .get(rule.component)
                    .findings
                    .iter()
                    .filter(|f| f.rule == rule.id)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if findings.is_empty() {
            out.push_str("<p class=\"rule-verdict\">This rule has nothing to say about it.</p>\n");
        } else {
            out.push_str("<p class=\"rule-verdict\">What the feedback says:</p>\n<ul class=\"rule-findings\">");
            for f in findings {
                out.push_str(&format!("<li>{}", escape(&f.message)));
                if let Some(fix) = f.fix {
                    out.push_str(&format!(
                        " <span class=\"rule-fix\">Fix: {}</span>",
                        escape(&fix.description)
                    ));
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_listed_and_linked() {
        let index = index_html();
        for rule in rules::RULES {
            assert!(
                index.contains(&format!("href=\"reference/rules/{}\"", rule.id)),
                "{}",
                rule.id
            );
        }
        assert_eq!(index.matches("<h3").count(), 6);
    }

    #[test]
    fn rule_pages_show_examples_and_real_findings() {
        let html = rule_html(
            rules::find("step-without-role").unwrap(),
            rules::docs("step-without-role").unwrap(),
        );
        assert!(html.contains("id=\"a-poor-example\"") && html.contains("id=\"a-good-example\""));
        assert!(
            html.contains("“Fetch the book from the store” has no role: who does it?"),
            "{html}"
        );
        assert!(html.contains("This rule has nothing to say about it."));
        assert!(html.contains("&quot;format&quot;"), "JSON is escaped");
        assert!(
            html.contains("<code>next</code>") || !rules::docs("step-without-role").unwrap().description.contains('`')
        );
    }

    #[test]
    fn code_spans_become_code() {
        assert_eq!(inline("a `next` <b>"), "a <code>next</code> &lt;b&gt;");
    }
}
