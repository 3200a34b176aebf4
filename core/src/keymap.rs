//! [`KeyMap`]: a map from text keys to values kept as a list sorted by key.
//!
//! Compiled into `build.rs` too (with [`crate::schema`]); depends on nothing but `serde`.

use serde::{Deserialize, Serialize};

/// A map from text keys to values, kept as a list in key order: what the policy's parameters and
/// clause texts and an applicant's indicator ratings are kept in. A few dozen entries, read by
/// key and walked in order: a `BTreeMap` would do the same, but each of its key/value types
/// links its own copy of the B-tree's code into every bundle (insert, search, clone, drop),
/// where this is a sorted `Vec` and a binary search. Written and read as a map (TOML tables,
/// JSON objects), in key order as a `BTreeMap` is; a duplicate key is refused.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyMap<V>(Vec<(String, V)>);

impl<V> Default for KeyMap<V> {
    fn default() -> Self {
        KeyMap(Vec::new())
    }
}

impl<V> KeyMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        KeyMap::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.find(key).ok().map(|i| &mut self.0[i].1)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`; returns the one it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// Removes `key`; returns its value.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// Every entry, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Every value, in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, V> IntoIterator for &'a KeyMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V> FromIterator<(String, V)> for KeyMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(items: I) -> Self {
        let mut m = KeyMap::new();
        for (k, v) in items {
            m.insert(k, v);
        }
        m
    }
}

impl<V: Serialize> Serialize for KeyMap<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for KeyMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = KeyMap<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a table of named entries")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<KeyMap<V>, A::Error> {
                let mut m = KeyMap::new();
                while let Some((k, v)) = a.next_entry::<String, V>()? {
                    if m.contains_key(&k) {
                        return Err(serde::de::Error::custom(format!("duplicate key `{k}`")));
                    }
                    m.insert(k, v);
                }
                Ok(m)
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod key_map_tests {
    use super::KeyMap;

    #[test]
    fn a_key_map_reads_and_writes_as_a_sorted_map() {
        let mut m = KeyMap::new();
        for (k, v) in [("b", 2), ("a", 1), ("c", 3)] {
            assert_eq!(m.insert(k.to_owned(), v), None);
        }
        assert_eq!(m.insert("b".to_owned(), 20), Some(2));
        assert_eq!(
            m.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!((m.get("b"), m.get("x"), m.len()), (Some(&20), None, 3));
        *m.get_mut("c").unwrap() += 1;
        assert_eq!(m.remove("a"), Some(1));
        assert!(!m.contains_key("a") && m.contains_key("c"));
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"b":20,"c":4}"#);
        assert_eq!(serde_json::from_str::<KeyMap<i32>>(&json).unwrap(), m);
        let unsorted: KeyMap<i32> = serde_json::from_str(r#"{"z":1,"y":2}"#).unwrap();
        assert_eq!(unsorted.iter().next(), Some((&"y".to_owned(), &2)));
        let dup = serde_json::from_str::<KeyMap<i32>>(r#"{"z":1,"z":2}"#).unwrap_err();
        assert!(dup.to_string().contains("duplicate key `z`"), "{dup}");
    }
}
