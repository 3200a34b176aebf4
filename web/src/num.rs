//! Numbers as text, from integers. `f64`'s `Display` links core's float printing (Grisu and
//! Dragon with their tables, ~18 kB of WebAssembly), which the page does not need: amounts are
//! whole yuan ([`tic_core::Wan`]) and chart coordinates need two decimals at most.

/// Amounts and coordinates as text, from integers: the core's (shared with the tracking view).
pub use tic_core::number::{dec, wan_plain};

/// `(sin a, cos a)` to about 1e-15, for the radar's angles: `f64::sin`/`cos` link libm's
/// range reduction for huge arguments (~6 kB), which angles within a turn never need.
pub fn sin_cos(a: f64) -> (f64, f64) {
    use std::f64::consts::{FRAC_PI_2, PI, TAU};
    if !a.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    // Into [-π, π], then into [-π/2, π/2] (sin(π − x) = sin x, cos(π − x) = −cos x).
    let mut x = a - TAU * (a / TAU).round();
    let mut cos_sign = 1.0;
    if x > FRAC_PI_2 {
        x = PI - x;
        cos_sign = -1.0;
    } else if x < -FRAC_PI_2 {
        x = -PI - x;
        cos_sign = -1.0;
    }
    // Taylor series; |x| ≤ π/2, so 12 terms reach below 1e-16.
    let x2 = x * x;
    let (mut s, mut c) = (x, 1.0);
    let (mut ts, mut tc) = (x, 1.0);
    for k in 1..=12 {
        let k = k as f64;
        ts *= -x2 / ((2.0 * k) * (2.0 * k + 1.0));
        tc *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        s += ts;
        c += tc;
    }
    (s, cos_sign * c)
}

/// Reads a decimal number without linking `dec2flt`: the core's one number reader.
pub use tic_core::number::decimal;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sin_cos_agrees_with_libm() {
        for i in -400..=400 {
            let a = i as f64 * 0.05;
            let (s, c) = sin_cos(a);
            assert!((s - a.sin()).abs() < 1e-12, "sin {a}");
            assert!((c - a.cos()).abs() < 1e-12, "cos {a}");
        }
    }
}
