//! The page that embeds Flowguide: where the frame may post its messages, and where it keeps the
//! learner's work.
//!
//! A frame that posts to `'*'` tells every page that frames it how a learner did, including a
//! page that frames it only to listen. Flowguide posts only to one origin, and when it cannot
//! tell which, it posts nothing and says so in the console:
//! 1. the origin the embed snippet names (`origin=`): the browser then delivers a message only
//!    if the parent really is of that origin;
//! 2. otherwise the parent's origin as the browser reports it (`location.ancestorOrigins`, in
//!    Chromium and Safari);
//! 3. otherwise the origin of `document.referrer` (every browser sends at least the origin,
//!    unless the host's referrer policy is `no-referrer`);
//! 4. otherwise the origin of the parent's `flowguide:hello`, which `embed.js` sends: the browser
//!    sets a message's origin, so the parent cannot lie about it.

/// The origin (`scheme://host[:port]`) of an http or https URL, lower-cased; `None` for anything
/// else (`null`, `file:`, `javascript:`, an address with a user name).
pub fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']')? + 1;
        match &authority[end..] {
            "" => (&authority[..end], None),
            p => (&authority[..end], Some(p.strip_prefix(':')?)),
        }
    } else {
        match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && (host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            || (host.starts_with('[')
                && host.ends_with(']')
                && host[1..host.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':')));
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.chars().all(|c| c.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n > 0 && n < 65536)
    });
    (host_ok && port_ok).then(|| format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// Where the frame posts: see the module's documentation for the order. `None`: nowhere.
pub fn post_target(named: Option<&str>, ancestor: Option<&str>, referrer: &str) -> Option<String> {
    named
        .and_then(origin_of)
        .or_else(|| ancestor.and_then(origin_of))
        .or_else(|| origin_of(referrer))
}

/// The host page's path, from the referrer when it carries one (most hosts' referrer policy
/// sends only the origin to another site, which is why `embed.js` passes `page=` too).
pub fn referrer_path(referrer: &str) -> Option<String> {
    origin_of(referrer)?;
    let rest = referrer.split_once("://")?.1;
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or_default();
    (path.len() > 1).then(|| path.to_string())
}

/// Where one embed keeps its work: the key its page gives it (`base`, one per tool on the page),
/// then `@ORIGIN` and the course's id or the host page's path: `flowguide-embed-sandbox@https://lms.example/course/1`.
///
/// Two course pages that embed the same tool must not overwrite each other, so the key holds the
/// host's origin and either the course's own id (two pages of one course then share the work) or
/// the host page's path. Long paths are hashed, so the key stays short. With nothing known of the
/// host (a page opened on its own), the key is `base` as given.
pub fn storage_key(base: &str, origin: Option<&str>, course: Option<&str>, page: Option<&str>) -> String {
    if origin.is_none() && course.is_none() && page.is_none() {
        return base.to_string();
    }
    let mut key = format!("{base}@{}", origin.unwrap_or("unknown-host"));
    match (course, page) {
        (Some(course), _) => {
            key.push_str("/course:");
            key.push_str(course);
        }
        (None, Some(page)) if page.len() <= 80 => key.push_str(page),
        (None, Some(page)) => key.push_str(&format!("/#{:016x}", fnv1a(page.as_bytes()))),
        (None, None) => {}
    }
    key
}

/// FNV-1a, 64 bits: a stable short name for a long path (not a secret).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn origins_of_web_addresses() {
        assert_eq!(
            origin_of("https://LMS.example.edu/course/view.php?id=3").as_deref(),
            Some("https://lms.example.edu")
        );
        assert_eq!(
            origin_of("http://127.0.0.1:4175/host.html").as_deref(),
            Some("http://127.0.0.1:4175")
        );
        assert_eq!(origin_of("https://[::1]:8443/").as_deref(), Some("https://[::1]:8443"));
        for bad in [
            "",
            "null",
            "about:blank",
            "file:///home/a.html",
            "javascript://x.org/%0aalert(1)",
            "https://a@b.org/",
            "https://b.org:99999/",
            "https://b.org:/",
            "https:///x",
            "https://b org/",
        ] {
            assert_eq!(origin_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_named_origin_wins_then_the_parent_then_the_referrer() {
        let r = "https://blog.example/post/7";
        assert_eq!(
            post_target(Some("https://lms.example"), Some("https://other.example"), r).as_deref(),
            Some("https://lms.example")
        );
        assert_eq!(
            post_target(None, Some("https://other.example"), r).as_deref(),
            Some("https://other.example")
        );
        assert_eq!(post_target(None, None, r).as_deref(), Some("https://blog.example"));
        // A sandboxed or local parent has no origin to post to: nothing is posted.
        assert_eq!(post_target(None, Some("null"), ""), None);
        assert_eq!(post_target(None, None, ""), None);
    }

    #[test]
    fn the_referrer_gives_a_path_only_when_it_has_one() {
        assert_eq!(
            referrer_path("https://lms.example/course/7/page?x=1").as_deref(),
            Some("/course/7/page")
        );
        assert_eq!(referrer_path("https://lms.example/"), None);
        assert_eq!(referrer_path("https://lms.example"), None);
        assert_eq!(referrer_path(""), None);
    }

    #[test]
    fn two_pages_or_two_courses_never_share_a_key() {
        let key = |base, origin, course, page| storage_key(base, origin, course, page);
        let lms = Some("https://lms.example");
        let a = key("flowguide-embed-sandbox", lms, None, Some("/course/1"));
        let b = key("flowguide-embed-sandbox", lms, None, Some("/course/2"));
        let c = key(
            "flowguide-embed-sandbox",
            Some("https://other.example"),
            None,
            Some("/course/1"),
        );
        let d = key("flowguide-embed-sandbox", lms, Some("bio-101"), Some("/course/1"));
        let e = key("flowguide-embed-sandbox", lms, Some("bio-101"), Some("/course/2"));
        assert_eq!(a, "flowguide-embed-sandbox@https://lms.example/course/1");
        assert!(a != b && a != c && a != d && b != c);
        assert_eq!(d, e, "two pages of one course share the work");
        // Two tools on one page keep their own keys.
        assert_ne!(
            key("first", lms, None, Some("/course/1")),
            key("second", lms, None, Some("/course/1"))
        );
        let long = "/".to_string() + &"x".repeat(400);
        assert!(key("flowguide-embed-sandbox", lms, None, Some(&long)).len() < 80);
        // A page on its own: the key its page gives.
        assert_eq!(key("test-first", None, None, None), "test-first");
    }

    proptest! {
        /// Whatever a referrer or an ancestor origin holds, what comes back is an origin and
        /// nothing more: no path, no quote, no space, no `*`.
        #[test]
        fn an_origin_is_always_just_an_origin(url in "(https?://)?[a-zA-Z0-9.:/@?#*\\[\\] <>\"-]{0,40}") {
            if let Some(o) = origin_of(&url) {
                let rest = o.split_once("://").unwrap().1;
                prop_assert!(!rest.contains(['/', '?', '#', '@', '*', ' ', '<', '>', '"']), "{o}");
                prop_assert!(o.starts_with("http://") || o.starts_with("https://"));
            }
        }
    }
}
