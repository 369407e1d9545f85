"""Where the 34 provinces are, roughly: the administrative centre of each (after the 2025 reorganisation), so that
"gần tôi" with the browser's location finds the province the person is in or nearest to.

A province is chosen by its nearest centre, which is coarse near a border; the answer names the province it chose
as a chip the person can remove, and a learner's home commune, when known, is used before any location. The
coordinates are approximate (two decimals, about a kilometre), which is all this needs.
"""

import math

# Province (as named in the unit tree, folded without its prefix by places.core_name) → (latitude, longitude).
PROVINCE_CENTRES = {
    "ha noi": (21.03, 105.85), "hue": (16.46, 107.59), "quang ninh": (20.95, 107.08), "cao bang": (22.67, 106.26),
    "lang son": (21.85, 106.76), "lai chau": (22.40, 103.46), "dien bien": (21.39, 103.02),
    "son la": (21.33, 103.91), "thanh hoa": (19.81, 105.78), "nghe an": (18.68, 105.68), "ha tinh": (18.34, 105.91),
    "tuyen quang": (21.82, 105.21), "lao cai": (21.71, 104.88), "thai nguyen": (21.59, 105.85),
    "phu tho": (21.32, 105.40), "bac ninh": (21.27, 106.19), "hung yen": (20.65, 106.05),
    "hai phong": (20.84, 106.69), "ninh binh": (20.25, 105.98), "quang tri": (17.47, 106.62),
    "da nang": (16.05, 108.20), "quang ngai": (15.12, 108.79), "gia lai": (13.78, 109.22),
    "khanh hoa": (12.24, 109.20), "lam dong": (11.94, 108.46), "dak lak": (12.67, 108.04),
    "ho chi minh": (10.78, 106.70), "dong nai": (10.95, 106.82), "tay ninh": (10.54, 106.41),
    "can tho": (10.05, 105.75), "vinh long": (10.25, 105.97), "dong thap": (10.36, 106.36), "ca mau": (9.18, 105.15),
    "an giang": (10.01, 105.08),
}
# Farther than this from every centre is not in Viet Nam (or the location is wrong): no province is guessed.
MAX_DISTANCE_KM = 250


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def nearest_province(latitude: float, longitude: float) -> str | None:
    """The folded name of the province whose centre is nearest, or None when none is within MAX_DISTANCE_KM."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    name, centre = min(PROVINCE_CENTRES.items(), key=lambda item: distance_km((latitude, longitude), item[1]))
    return name if distance_km((latitude, longitude), centre) <= MAX_DISTANCE_KM else None
