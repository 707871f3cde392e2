//! "Did you mean" suggestions.

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
pub fn closest<'a, I, S>(word: &str, candidates: I) -> Option<S>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str> + 'a,
{
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|candidate| (distance(word, candidate.as_ref()), candidate))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, case-insensitive, `-` and `_` treated alike.
fn distance(a: &str, b: &str) -> usize {
    let norm = |c: char| {
        if c == '-' {
            '_'
        } else {
            c.to_ascii_lowercase()
        }
    };
    let a: Vec<char> = a.chars().map(norm).collect();
    let b: Vec<char> = b.chars().map(norm).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_typos_and_ignores_strangers() {
        assert_eq!(closest("usr_id", ["app_id", "user_id"]), Some("user_id"));
        assert_eq!(closest("user-id", ["app_id", "user_id"]), Some("user_id"));
        assert_eq!(closest("POTS", ["GET", "POST"]), Some("POST"));
        assert_eq!(closest("conversation", ["app_id", "user_id"]), None);
    }
}
