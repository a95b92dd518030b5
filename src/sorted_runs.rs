//! Entries kept in key order by merging sorted runs, without a sort: the villages of a roll-up
//! (`summary::ByName`) and the objects read from JS or JSON text (`json_value::JsonMap`).
//!
//! Runs are pushed like the digits of a binary counter: a new run is merged with the one
//! before it while that one is no longer, so n entries cost O(n log n) moves in all. A merge
//! takes from the older run on equal keys, so entries of one key stay in arrival order. (A
//! slice sort would do the same work, but `sort_by` costs the core wasm module about 2 KB
//! gzipped and this merge is already in it; issue 8 item 6.)

/// `run` (sorted by key) added after `runs`, merged with the runs before it while they are no
/// longer than it.
pub fn push_run<T: Default>(runs: &mut Vec<Vec<(String, T)>>, run: Vec<(String, T)>) {
    runs.push(run);
    while let [.., older, newer] = runs.as_slice() {
        if older.len() > newer.len() {
            break;
        }
        let (Some(newer), Some(older)) = (runs.pop(), runs.pop()) else {
            break;
        };
        runs.push(merge(older, newer));
    }
}

/// Two runs sorted by key as one; on equal keys the entry of `a` (the older run) comes first.
/// Entries are taken out by `mem::take`, which leaves an empty `String` and allocates nothing:
/// less code than two consuming iterators.
pub fn merge<T: Default>(mut a: Vec<(String, T)>, mut b: Vec<(String, T)>) -> Vec<(String, T)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        let from_b = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => y.0 < x.0,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => return out,
        };
        let next = if from_b {
            j += 1;
            b.get_mut(j - 1)
        } else {
            i += 1;
            a.get_mut(i - 1)
        };
        out.extend(next.map(std::mem::take));
    }
}
