namespace ECommerce.Product.Api.Seeding;

/// <summary>
/// The seed catalog's vocabulary: 13 categories, 50+ brands. Accented and apostrophed names are there on purpose
/// (unaccent, tokenizing), and some words occur in one category's names and another's descriptions (field weights).
/// </summary>
public static class SeedCategories
{
    private static readonly string[] Colors = ["Black", "White", "Silver", "Blue", "Red", "Green", "Graphite", "Sand"];

    public static readonly CategorySpec[] All =
    [
        new("Laptops", ["Lenovo", "Dell", "HP", "Apple", "Asus", "Acer"], ["Laptop", "Ultrabook", "Gaming Laptop", "2-in-1 Laptop", "Chromebook"],
            ["Nova", "Vector", "Flex", "Edge", "Prime", "Zen", "Swift"], 299m, 3499m,
            ["a backlit keyboard", "all-day battery life", "a bright anti-glare display", "Wi-Fi 6E and Thunderbolt ports"],
            [("screen", ["13.3 in", "14 in", "15.6 in", "16 in"]), ("ram", ["8 GB", "16 GB", "32 GB"]), ("storage", ["256 GB SSD", "512 GB SSD", "1 TB SSD"]), ("color", Colors)]),
        new("Smartphones", ["Apple", "Samsung", "Google", "Xiaomi", "OnePlus", "Motorola"], ["Smartphone", "5G Phone", "Foldable Phone"],
            ["Galaxy", "Pixel", "Nord", "Redmi", "Edge", "Ultra", "Mini"], 149m, 1899m,
            ["a triple camera", "fast wireless charging", "an OLED display", "a water-resistant body"],
            [("storage", ["64 GB", "128 GB", "256 GB", "512 GB"]), ("screen", ["6.1 in", "6.4 in", "6.7 in"]), ("color", Colors)]),
        new("Headphones", ["Sony", "Bose", "Sennheiser", "JBL", "Audio-Technica", "Beyerdynamic"],
            ["Wireless Headphones", "Noise Cancelling Headphones", "Earbuds", "Studio Headphones", "Sport Earphones"],
            ["Pulse", "Quiet", "Momentum", "Tune", "Aura", "Bass"], 29m, 549m,
            ["active noise cancelling", "30 hours of playback", "a comfortable over-ear fit", "multipoint Bluetooth"],
            [("connectivity", ["Bluetooth 5.3", "Wired", "Bluetooth 5.0"]), ("battery", ["20 h", "30 h", "40 h"]), ("color", Colors)]),
        new("Televisions", ["LG", "Samsung", "Sony", "TCL", "Hisense", "Philips"], ["4K OLED TV", "QLED TV", "LED TV", "8K TV"],
            ["Vision", "Crystal", "Bravia", "Neo", "Ambilight"], 249m, 4999m,
            ["Dolby Vision", "a 120 Hz panel", "a built-in smart platform", "HDMI 2.1 for consoles"],
            [("size", ["43 in", "55 in", "65 in", "75 in", "85 in"]), ("resolution", ["4K", "8K", "1080p"])]),
        new("Cameras", ["Canon", "Nikon", "Fujifilm", "Panasonic", "GoPro", "Leica"], ["Mirrorless Camera", "DSLR Camera", "Action Camera", "Compact Camera"],
            ["Alpha", "Z", "X-T", "Lumix", "Hero", "Q"], 199m, 5999m,
            ["in-body stabilization", "4K video recording", "a weather-sealed body", "fast autofocus"],
            [("sensor", ["APS-C", "Full Frame", "Micro Four Thirds", "1 in"]), ("megapixels", ["20 MP", "24 MP", "33 MP", "45 MP"])]),
        new("Kitchen", ["KitchenAid", "Breville", "De'Longhi", "Müller", "Ninja", "Le Creuset", "Smeg"],
            ["Espresso Machine", "Café Latte Maker", "Stand Mixer", "Blender", "Air Fryer", "Dutch Oven", "Crème Brûlée Torch", "Toaster"],
            ["Barista", "Artisan", "Classic", "Pro", "Signature", "Retro"], 19m, 1299m,
            ["a stainless steel finish", "dishwasher-safe parts", "precise temperature control", "a compact footprint"],
            [("capacity", ["1 L", "1.5 L", "4.7 L", "5.5 L"]), ("power", ["800 W", "1200 W", "1500 W"]), ("color", Colors)]),
        new("Furniture", ["IKEA", "Herman Miller", "Steelcase", "Hay", "Muuto"], ["Office Chair", "Standing Desk", "Bookshelf", "Sofa", "Lounge Chair"],
            ["Aeron", "Leap", "Kallax", "Nordic", "Oslo", "Linnea"], 49m, 2499m,
            ["solid oak legs", "adjustable lumbar support", "easy assembly", "a stain-resistant fabric"],
            [("material", ["Oak", "Steel", "Walnut", "Fabric", "Leather"]), ("color", Colors)]),
        new("Sports", ["Nike", "Adidas", "Garmin", "Wilson", "Coleman", "Asics"], ["Running Shoes", "Tennis Racket", "GPS Watch", "Camping Tent", "Yoga Mat"],
            ["Pegasus", "Ultraboost", "Forerunner", "Pro Staff", "Sundome", "Gel"], 15m, 899m,
            ["a lightweight build", "breathable materials", "made for travel and trail", "a lifetime warranty"],
            [("size", ["S", "M", "L", "XL"]), ("color", Colors)]),
        new("Clothing", ["Levi's", "Patagonia", "The North Face", "Uniqlo", "Columbia"], ["Denim Jacket", "Fleece Jacket", "Rain Jacket", "T-Shirt", "Jeans", "Hoodie"],
            ["Trucker", "Better Sweater", "Venture", "Airism", "Heritage"], 12m, 399m,
            ["recycled fabric", "a relaxed fit", "water-repellent coating", "reinforced seams"],
            [("size", ["XS", "S", "M", "L", "XL"]), ("material", ["Cotton", "Polyester", "Denim", "Wool"]), ("color", Colors)]),
        new("Books", ["Penguin", "O'Reilly", "HarperCollins", "Lonely Planet", "Taschen"], ["Cookbook", "Programming Guide", "Novel", "Travel Guide", "Art Book"],
            ["Essential", "Complete", "Pocket", "Illustrated", "Definitive"], 8m, 89m,
            ["a hardcover binding", "full-color photographs", "an index and glossary", "a foreword by the editor"],
            [("format", ["Hardcover", "Paperback", "Spiral"]), ("pages", ["192", "320", "480", "640"])]),
        new("Toys", ["LEGO", "Hasbro", "Mattel", "Ravensburger", "Playmobil"], ["Building Set", "Board Game", "Jigsaw Puzzle", "Action Figure", "Doll House"],
            ["City", "Technic", "Monopoly", "Classic", "Adventure"], 9m, 499m,
            ["hours of creative play", "pieces for ages 8 and up", "a family-friendly design", "a sturdy storage box"],
            [("age", ["3+", "6+", "8+", "12+"]), ("pieces", ["100", "500", "1000", "2000"])]),
        new("Beauty", ["L'Oréal", "Nivea", "Clinique", "Lancôme", "The Ordinary"], ["Moisturizer", "Shampoo", "Sunscreen", "Perfume", "Serum"],
            ["Hydra", "Revitalift", "Pure", "Génifique", "Daily"], 6m, 199m,
            ["a fragrance-free formula", "hyaluronic acid", "dermatologist tested ingredients", "SPF 50 protection"],
            [("volume", ["30 ml", "50 ml", "100 ml", "250 ml"]), ("skin", ["All", "Dry", "Oily", "Sensitive"])]),
        new("Gaming", ["Razer", "Logitech", "SteelSeries", "Corsair", "Nintendo", "HyperX"],
            ["Gaming Mouse", "Mechanical Keyboard", "Gaming Headset", "Controller", "Gaming Monitor"],
            ["Viper", "Apex", "Arctis", "K70", "Cloud", "Switch"], 19m, 999m,
            ["RGB lighting", "low-latency wireless", "hot-swappable switches", "a 240 Hz refresh rate"],
            [("connectivity", ["USB-C", "2.4 GHz Wireless", "Bluetooth"]), ("color", Colors)]),
    ];
}
