package extract
import ("testing";"os";"fmt")
func TestDbg(t *testing.T){
	data,_:=os.ReadFile(os.Getenv("F"))
	docs,err:=Parse(Input{Name:os.Getenv("F"),Data:data})
	if err!=nil {t.Fatal(err)}
	for _,d:=range docs { fmt.Printf("P%d %q %q %q %q %s %+v\n", d.Part,d.Title,d.Date,d.Publisher,d.Author,d.Doctype,d.Region)
	  for _,b:=range d.Body { r:=[]rune(b); if len(r)>50 {b=string(r[:25])+"…"+string(r[len(r)-20:])}; fmt.Println("   |",b) } }
}
