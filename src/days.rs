//! Dates as day numbers (days from the first day of the common era), for the snapshot's
//! encoding: read back by the million, a date as text costs a parse each. The JSON output
//! writes its dates through its own rows, as text.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serializer};

/// `#[serde(with = "crate::days::opt")]` on an `Option<NaiveDate>`.
pub(crate) mod opt {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&d.num_days_from_ce()),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<i32>::deserialize(d)? {
            None => Ok(None),
            Some(n) => NaiveDate::from_num_days_from_ce_opt(n)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("day number {n} out of range"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct D(#[serde(with = "opt")] Option<NaiveDate>);

    #[test]
    fn days_round_trip_and_stay_small() {
        for d in [
            None,
            NaiveDate::from_ymd_opt(2026, 2, 4),
            NaiveDate::from_ymd_opt(1, 1, 1),
            NaiveDate::from_ymd_opt(-40, 3, 1),
        ] {
            let bytes = postcard::to_allocvec(&D(d)).unwrap();
            assert!(bytes.len() <= 4, "{d:?}: {} bytes", bytes.len());
            assert_eq!(postcard::from_bytes::<D>(&bytes).unwrap(), D(d));
        }
        // a day number no date has is an error, not a panic
        let bytes = postcard::to_allocvec(&Some(i32::MAX)).unwrap();
        assert!(postcard::from_bytes::<D>(&bytes).is_err());
    }
}
