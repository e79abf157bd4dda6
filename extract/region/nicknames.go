package region

// nicknames are the names texts give a city (or a province-level body)
// besides its own: 冰城工匠, 鹏城职工. Only those that name one place
// and are no division's name are listed (榕城 and 鹿城 are districts,
// 龙城 and 江城 name several cities). They count as the city's short name.
// 兵团 is the Xinjiang Production and Construction Corps (兵团总工会,
// 兵团日报), a province-level body inside Xinjiang. 工联会 and 职工盟 are
// the short names of Hong Kong's two union federations (香港工会联合会,
// 香港职工会联盟), which a Hong Kong story names without the city;
// 工联总会 is Macau's (澳门工会联合总会).
var nicknames = map[string]string{
	"冰城": "哈尔滨市", "鹏城": "深圳市", "羊城": "广州市", "蓉城": "成都市", "泉城": "济南市",
	"春城": "昆明市", "星城": "长沙市", "邕城": "南宁市", "筑城": "贵阳市", "金陵": "南京市",
	"申城": "上海市", "鹭岛": "厦门市", "甬城": "宁波市", "津城": "天津市", "椰城": "海口市",
	"兵团": "新疆维吾尔自治区", "工联会": "香港特别行政区", "职工盟": "香港特别行政区",
	"工联总会": "澳门特别行政区",
}

// unionNickname are the nicknames that are a union federation's own short
// name: a mention is the unit that reports, as 某某市总工会 is.
var unionNickname = map[string]bool{"工联会": true, "职工盟": true, "工联总会": true}

// unionNicknameOn is region.union-nickname's switch, set in init: the
// rule's Fires scans text, which reads the switch.
var unionNicknameOn func() bool

func init() { unionNicknameOn = unionNicknameRule.On }
