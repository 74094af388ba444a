//! Any bytes: read as a workflow document; when that works, analyse it with every preset, write it
//! back out and read it again, and apply every fix the feedback offers. Nothing may panic or hang.
#![no_main]

use flowguide_engine::feedback::{analyse, Config, Preset};
use flowguide_engine::workflow::{parse, parse::to_pretty_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = parse(text) else { return };
    for preset in Preset::ALL {
        let report = analyse(&doc, &Config::preset(preset));
        assert!(report.overall.score <= 100);
        for (_, component) in report.components.iter() {
            assert!(component.score <= 100);
            for finding in &component.findings {
                if let Some(fix) = &finding.fix {
                    let mut fixed = doc.clone();
                    if fix.change.apply(&mut fixed).is_ok() {
                        let _ = analyse(&fixed, &Config::default());
                    }
                }
            }
        }
    }
    let again = parse(&to_pretty_json(&doc)).expect("what we write, we can read");
    assert_eq!(again, doc);
});
