//! What the views' SVG charts share: the step of their gridlines.

/// A round step (1, 2, 2.5 or 5 times a power of ten) for about four gridlines up to `max`;
/// at least 1.
pub fn step(max: f64) -> f64 {
    let raw = (max / 4.0).max(1.0);
    let mag = pow10_floor(raw);
    let n = raw / mag;
    let nice = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 2.5 {
        2.5
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// The largest power of ten not above `x` (1 for `x` < 10, including `x` < 1), by
/// multiplication: `f64::log10` and `powf` would link libm's code into every bundle.
fn pow10_floor(x: f64) -> f64 {
    let mut m = 1.0;
    while m * 10.0 <= x && m < 1e300 {
        m *= 10.0;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow10_floor_is_the_power_below() {
        assert_eq!(pow10_floor(0.5), 1.0);
        assert_eq!(pow10_floor(1.0), 1.0);
        assert_eq!(pow10_floor(9.99), 1.0);
        assert_eq!(pow10_floor(10.0), 10.0);
        assert_eq!(pow10_floor(250.0), 100.0);
        assert_eq!(pow10_floor(1000.0), 1000.0);
        for x in [1.0, 3.0, 12.5, 99.0, 100.0, 2500.0, 1e6, 3.3e9] {
            assert_eq!(pow10_floor(x), 10f64.powf(f64::log10(x).floor()), "{x}");
        }
    }

    #[test]
    fn steps_are_round_and_give_about_four_lines() {
        assert_eq!(step(10_000.0), 2_500.0);
        assert_eq!(step(0.0), 1.0);
        assert_eq!(step(3.0), 1.0);
        assert_eq!(step(800.0), 200.0);
        assert_eq!(step(1_000.0), 250.0);
        assert_eq!(step(2_100.0), 1_000.0);
        for max in [5.0, 37.0, 480.0, 6_100.0, 123_456.0, 9.9e9] {
            let s = step(max);
            let lines = (max / s).ceil();
            assert!(
                (1.0..=5.0).contains(&lines),
                "{max}: step {s}, {lines} lines"
            );
        }
    }
}
